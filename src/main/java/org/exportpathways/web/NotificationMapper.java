package org.exportpathways.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.exportpathways.api.model.AnalysisDto;
import org.exportpathways.api.model.AppliedThresholdDto;
import org.exportpathways.api.model.BreakEvenResultDto;
import org.exportpathways.api.model.CountBoundsDto;
import org.exportpathways.api.model.MovementDto;
import org.exportpathways.api.model.ScenarioTotalsDto;
import org.exportpathways.api.model.SimulationRowDto;
import org.exportpathways.api.model.SimulationTotalsDto;
import org.exportpathways.api.model.SweepDto;
import org.exportpathways.api.model.SweepPointDto;
import org.exportpathways.api.model.ThresholdUseDto;
import org.exportpathways.api.model.ChannelDto;
import org.exportpathways.api.model.CustomThresholdsDto;
import org.exportpathways.api.model.FindingDto;
import org.exportpathways.api.model.NamedScenarioDto;
import org.exportpathways.api.model.NotificationDecisionDto;
import org.exportpathways.api.model.NotificationRequestDto;
import org.exportpathways.api.model.OutcomeChangeDto;
import org.exportpathways.api.model.OutcomeDto;
import org.exportpathways.api.model.RecipientGroupDto;
import org.exportpathways.api.model.SaleResultDto;
import org.exportpathways.api.model.ScenarioChangesDto;
import org.exportpathways.api.model.ScenarioDto;
import org.exportpathways.api.model.ScenarioResultDto;
import org.exportpathways.api.model.SimulationRequestDto;
import org.exportpathways.api.model.SimulationResponseDto;
import org.exportpathways.api.model.SimulationSaleDto;
import org.exportpathways.api.model.ThresholdKindDto;
import org.exportpathways.api.model.ThresholdTierDto;
import org.exportpathways.api.model.TierAmountsDto;
import org.exportpathways.api.model.TriggeredTestDto;
import org.exportpathways.api.model.UsmlCategoryDto;
import org.exportpathways.notification.Analysis;
import org.exportpathways.notification.BreakEven;
import org.exportpathways.notification.Channel;
import org.exportpathways.notification.SimulationRun;
import org.exportpathways.domain.Finding;
import org.exportpathways.notification.NotificationFacts.ThresholdTest;
import org.exportpathways.notification.SaleCase;
import org.exportpathways.domain.StableSets;
import org.exportpathways.notification.Threshold;
import org.exportpathways.notification.ThresholdKind;
import org.exportpathways.notification.Tier;
import org.exportpathways.notification.NotificationResult;
import org.exportpathways.notification.Scenario;
import org.exportpathways.notification.SimulationService;
import org.springframework.stereotype.Component;

/**
 * Maps the generated DTOs to the domain and back. Absent values stay null (unknown),
 * never zero.
 */
@Component
public class NotificationMapper {

	public static final String ADVISORY = "Advisory only: this answer applies the encoded rules and dated reference data "
			+ "as of the date shown. It is not a jurisdiction determination, a license decision or legal advice; "
			+ "confirm with counsel and the responsible agency (DDTC, DSCA, BIS).";

	private final Clock clock;

	private final Summaries summaries;

	public NotificationMapper(Clock clock, Summaries summaries) {
		this.clock = clock;
		this.summaries = summaries;
	}

	public Summaries summaries() {
		return summaries;
	}

	public LocalDate today() {
		return LocalDate.now(clock);
	}

	public SaleCase sale(NotificationRequestDto r) {
		return sale(r.getChannel(), r.getRecipient(), r.getAsOf(), today(), r.getMajorDefenseEquipmentValue(),
				r.getTotalValue(), r.getDesignAndConstructionValue(), r.getFirearmsValue(), r.getUsmlCategories(),
				r.getSignificantMilitaryEquipment(), r.getNewSalesTerritory(), r.getEmergency());
	}

	public SimulationService.Sale sale(SimulationSaleDto s, LocalDate batchAsOf) {
		return new SimulationService.Sale(s.getId(),
				sale(s.getChannel(), s.getRecipient(), s.getAsOf(), batchAsOf, s.getMajorDefenseEquipmentValue(),
						s.getTotalValue(), s.getDesignAndConstructionValue(), s.getFirearmsValue(),
						s.getUsmlCategories(), s.getSignificantMilitaryEquipment(), s.getNewSalesTerritory(),
						s.getEmergency()));
	}

	@SuppressWarnings("java:S107")
	private static SaleCase sale(ChannelDto channel, String recipient, LocalDate asOf, LocalDate defaultAsOf,
			BigDecimal mde, BigDecimal total, BigDecimal dc, BigDecimal firearms, Set<UsmlCategoryDto> categories,
			Boolean sme, Set<String> territory, Boolean emergency) {
		Set<String> cats = null;
		if (categories != null) {
			cats = new LinkedHashSet<>();
			for (UsmlCategoryDto c : categories) {
				cats.add(c.getValue());
			}
		}
		return new SaleCase(Channel.valueOf(channel.getValue()), recipient, (asOf != null) ? asOf : defaultAsOf, mde,
				total, null, dc, firearms, (cats != null) ? StableSets.sorted(cats) : null, sme,
				(territory != null) ? StableSets.sorted(territory) : null, emergency);
	}

	public Scenario scenario(ScenarioDto s) {
		if (s == null) {
			return Scenario.STATUTORY;
		}
		return scenario(same(Scenario.Kind.class, s.getKind()), s.getFactor(), same(Scenario.Index.class, s.getIndex()),
				s.getToYear(), s.getThresholds());
	}

	public SimulationService.NamedScenario scenario(NamedScenarioDto s) {
		return new SimulationService.NamedScenario(s.getName(), scenario(same(Scenario.Kind.class, s.getKind()),
				s.getFactor(), same(Scenario.Index.class, s.getIndex()), s.getToYear(), s.getThresholds()));
	}

	/**
	 * The domain constant of the same name as a generated DTO enum constant (the contract
	 * lists the same names).
	 */
	private static <E extends Enum<E>> E same(Class<E> type, Enum<?> dto) {
		return (dto != null) ? Enum.valueOf(type, dto.name()) : null;
	}

	private static Scenario scenario(Scenario.Kind kind, BigDecimal factor, Scenario.Index index, Integer toYear,
			CustomThresholdsDto t) {
		Map<Tier, Map<ThresholdKind, BigDecimal>> custom = null;
		BigDecimal firearms = null;
		if (t != null) {
			custom = new EnumMap<>(Tier.class);
			custom.put(Tier.STANDARD, amounts(t.getStandard()));
			custom.put(Tier.NATO_PLUS_5, amounts(t.getNatoPlus5()));
			firearms = t.getFirearms();
		}
		return new Scenario(kind, factor, index, toYear, custom, firearms);
	}

	private static Map<ThresholdKind, BigDecimal> amounts(TierAmountsDto a) {
		Map<ThresholdKind, BigDecimal> m = new EnumMap<>(ThresholdKind.class);
		if (a != null) {
			putIfSet(m, ThresholdKind.MAJOR_DEFENSE_EQUIPMENT, a.getMajorDefenseEquipment());
			putIfSet(m, ThresholdKind.DEFENSE_ARTICLES_AND_SERVICES, a.getDefenseArticlesAndServices());
			putIfSet(m, ThresholdKind.DESIGN_AND_CONSTRUCTION, a.getDesignAndConstruction());
		}
		return m;
	}

	private static void putIfSet(Map<ThresholdKind, BigDecimal> m, ThresholdKind k, BigDecimal v) {
		if (v != null) {
			m.put(k, v);
		}
	}

	public List<SimulationService.Sale> sales(SimulationRequestDto r) {
		LocalDate asOf = (r.getAsOf() != null) ? r.getAsOf() : today();
		return r.getSales().stream().map((s) -> sale(s, asOf)).toList();
	}

	/**
	 * The decision of a sale by {@code channel} to {@code recipient}, with its summary.
	 */
	public NotificationDecisionDto decision(String channel, String recipient, NotificationResult r,
			String rulesetVersion) {
		NotificationDecisionDto dto = new NotificationDecisionDto();
		dto.summary(summaries.notification(channel, recipient, r))
			.outcome(OutcomeDto.fromValue(r.outcome().name()))
			.section(r.section())
			.reviewPeriodDays(r.reviewPeriodDays())
			.reviewWaived(r.reviewWaived())
			.recipientGroup(RecipientGroupDto.fromValue(r.recipientGroup().name()))
			.thresholdTier((r.thresholdTier() != null)
					? NotificationDecisionDto.ThresholdTierEnum.fromValue(r.thresholdTier().name())
					: (r.thresholds().isEmpty() ? null : NotificationDecisionDto.ThresholdTierEnum.UNDETERMINED))
			.thresholds(r.thresholds().stream().map(NotificationMapper::threshold).toList())
			.triggeredBy(triggered(r.triggeredBy()))
			.missing(r.missing())
			.findings(r.findings().stream().map(NotificationMapper::finding).toList())
			.scenario(r.scenario().name())
			.rulesetVersion(rulesetVersion)
			.asOf(r.asOf())
			.advisory(ADVISORY);
		return dto;
	}

	private static AppliedThresholdDto threshold(Threshold t) {
		AppliedThresholdDto dto = new AppliedThresholdDto(ThresholdTierDto.fromValue(t.tier().name()),
				ThresholdKindDto.fromValue(t.kind().name()), t.amount(), t.statutoryAmount(), t.citation(),
				t.effectiveFrom(), t.parameter(), t.basis());
		if (t.effectiveFrom() == null) {
			dto.note("In force before the bundle's coverage; the date the law set this amount is not confirmed, "
					+ "so no effectiveFrom is given.");
		}
		return dto;
	}

	private static List<TriggeredTestDto> triggered(List<ThresholdTest> tests) {
		return tests.stream()
			.map((t) -> new TriggeredTestDto(ThresholdTierDto.fromValue(t.tier().name()),
					ThresholdKindDto.fromValue(t.kind().name()), t.limit())
				.value(t.value()))
			.toList();
	}

	static FindingDto finding(Finding f) {
		return new FindingDto(f.ruleId(), f.rule(), f.citation(), f.message(),
				FindingDto.SeverityEnum.fromValue(f.severity().name()))
			.effectiveFrom(f.effectiveFrom())
			.effectiveTo(f.effectiveTo());
	}

	public SimulationResponseDto simulation(SimulationService.Result r, String rulesetVersion) {
		List<ScenarioResultDto> runs = r.scenarios().stream().map((run) -> {
			Map<String, Integer> counts = new LinkedHashMap<>();
			run.counts().forEach((k, v) -> counts.put(k.name(), v));
			List<SaleResultDto> results = run.results().stream().map(NotificationMapper::saleResult).toList();
			return new ScenarioResultDto(run.name(), run.kind().name(), counts, results);
		}).toList();
		List<ScenarioChangesDto> changes = r.changes()
			.stream()
			.map((c) -> new ScenarioChangesDto(c.fromScenario(), c.toScenario(), c.sales().size(),
					c.sales()
						.stream()
						.map((s) -> new OutcomeChangeDto(s.id(), OutcomeDto.fromValue(s.from().name()),
								OutcomeDto.fromValue(s.to().name()))
							.totalValue(s.totalValue()))
						.toList()))
			.toList();
		List<BreakEvenResultDto> breakEvens = null;
		if (!r.breakEvens().isEmpty()) {
			breakEvens = new java.util.ArrayList<>();
			List<SaleResultDto> first = runs.get(0).getResults();
			for (int i = 0; i < r.breakEvens().size(); i++) {
				breakEvens.add(breakEven(first.get(i).getId(), r.breakEvens().get(i)));
			}
		}
		return new SimulationResponseDto(summaries.simulation(r), runs, changes, rulesetVersion, ADVISORY)
			.totals(totals(r.summary()))
			.breakEvens(breakEvens);
	}

	/** What a simulation asks beyond outcomes (none when absent). */
	public Analysis analysis(AnalysisDto a) {
		if (a == null) {
			return Analysis.NONE;
		}
		SweepDto s = a.getSweep();
		return new Analysis(Boolean.TRUE.equals(a.getBreakEven()),
				(s != null) ? new Analysis.Sweep(s.getFrom(), s.getTo(), s.getStep()) : null);
	}

	static BreakEvenResultDto breakEven(String id, BreakEven b) {
		return new BreakEvenResultDto(id, BreakEvenResultDto.KindEnum.fromValue(b.kind().name()), b.note())
			.factor(b.factor())
			.missing(b.missing().isEmpty() ? null : b.missing());
	}

	/** The counts of a run, without its rows. */
	public SimulationTotalsDto totals(SimulationRun.Summary s) {
		List<ScenarioTotalsDto> scenarios = s.scenarios()
			.stream()
			.map((t) -> new ScenarioTotalsDto(t.name(), t.kind().name(), byName(t.counts()), bounds(t.required()),
					bounds(t.notRequired()), t.changed(),
					t.thresholds()
						.stream()
						.map((u) -> new ThresholdUseDto(ChannelDto.fromValue(u.threshold().channel().name()),
								threshold(u.threshold()), u.sales()))
						.toList())
				.leavingReview(movement(t.leavingReview()))
				.possiblyLeavingReview(movement(t.possiblyLeavingReview()))
				.enteringReview(movement(t.enteringReview())))
			.toList();
		List<SweepPointDto> sweep = s.sweep()
			.stream()
			.map((p) -> new SweepPointDto(p.factor(), byName(p.counts())))
			.toList();
		return new SimulationTotalsDto(s.sales(), scenarios, sweep)
			.breakEvens(s.breakEvens().isEmpty() ? null : byName(s.breakEvens()));
	}

	/** One row of a streamed run. */
	public SimulationRowDto row(SimulationRun.Row row) {
		List<SaleResultDto> outcomes = row.outcomes().stream().map(NotificationMapper::saleResult).toList();
		return new SimulationRowDto(row.sale().id(), outcomes).asOf(row.sale().sale().asOf())
			.breakEven((row.breakEven() != null) ? breakEven(row.sale().id(), row.breakEven()) : null)
			.sweep(row.sweep().isEmpty() ? null
					: row.sweep().stream().map((o) -> OutcomeDto.fromValue(o.name())).toList());
	}

	private static SaleResultDto saleResult(SimulationService.SaleOutcome o) {
		return new SaleResultDto(o.id(), OutcomeDto.fromValue(o.outcome().name()), triggered(o.triggeredBy()),
				o.missing())
			.asOf(o.asOf())
			.reviewPeriodDays(o.reviewPeriodDays());
	}

	private static <E extends Enum<E>> Map<String, Long> byName(Map<E, Long> counts) {
		Map<String, Long> out = new LinkedHashMap<>();
		counts.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.forEach((e) -> out.put(e.getKey().name(), e.getValue()));
		return out;
	}

	private static CountBoundsDto bounds(SimulationRun.Bounds b) {
		return new CountBoundsDto(b.min(), b.max());
	}

	private static MovementDto movement(SimulationRun.Movement m) {
		return (m == null) ? null : new MovementDto(m.count(), m.knownValue(), m.unknownValueCount());
	}

}
