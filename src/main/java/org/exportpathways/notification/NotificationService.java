package org.exportpathways.notification;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.exportpathways.domain.UnitedStates;
import org.exportpathways.notification.Channel;
import org.exportpathways.domain.DatedValue;
import org.exportpathways.domain.InputError;
import org.exportpathways.domain.InvalidInputException;
import org.exportpathways.notification.Membership;
import org.exportpathways.notification.MembershipList;
import org.exportpathways.notification.NotificationFacts.CandidateTier;
import org.exportpathways.notification.NotificationFacts.Decision;
import org.exportpathways.notification.NotificationFacts.Missing;
import org.exportpathways.notification.NotificationFacts.RecipientClass;
import org.exportpathways.notification.NotificationFacts.ReviewPeriod;
import org.exportpathways.notification.NotificationFacts.ReviewWaived;
import org.exportpathways.notification.NotificationFacts.ThresholdTest;
import org.exportpathways.notification.Outcome;
import org.exportpathways.notification.SaleCase;
import org.exportpathways.notification.TerritoryCountry;
import org.exportpathways.notification.TestResult;
import org.exportpathways.notification.Threshold;
import org.exportpathways.notification.ThresholdKind;
import org.exportpathways.notification.Tier;
import org.exportpathways.kernel.FindingCollector;
import org.exportpathways.kernel.RuleEngine;
import org.exportpathways.bundle.DatedRecord;
import org.exportpathways.bundle.Parameter;
import org.exportpathways.bundle.ReferenceData;
import org.kie.api.runtime.KieSession;

/**
 * AECA section 36 congressional notification: inserts the sale and the reference data in force on its date, fires
 * the congressional-notification rules, and reads the decision back with its explanation.
 */
public final class NotificationService {

	/** The pack (rules/congressional-notification/) whose pack.yaml gives the coverage. */
	public static final String REGIME = "congressional-notification";

	static final String NATO = "NATO";

	private final RuleEngine engine;

	private final ReferenceData data;

	private final ThresholdResolver thresholds;

	public NotificationService(RuleEngine engine, ReferenceData data) {
		this.engine = engine;
		this.data = data;
		this.thresholds = new ThresholdResolver(data);
		for (MembershipList list : MembershipList.values()) {
			data.rows(list.table());
		}
	}

	public ReferenceData referenceData() {
		return data;
	}

	/**
	 * Problems with a sale the rules cannot take: unknown countries (400), a date before the bundle's coverage
	 * (422). {@code prefix} is the JSON path of the sale ("" for a single request).
	 */
	public List<InputError> check(SaleCase sale, String prefix) {
		List<InputError> errors = new ArrayList<>();
		if (UnitedStates.ISO2.equals(sale.recipient())) {
			errors.add(new InputError(prefix + "recipient", "the United States is not a foreign recipient"));
		}
		else if (!NATO.equals(sale.recipient()) && !data.isCountry(sale.recipient())) {
			errors.add(new InputError(prefix + "recipient",
					"'" + sale.recipient() + "' is not an ISO 3166-1 alpha-2 country code (or NATO)"));
		}
		if (sale.majorDefenseEquipmentValue() != null && sale.totalValue() != null
				&& sale.majorDefenseEquipmentValue().compareTo(sale.totalValue()) > 0) {
			errors.add(new InputError(prefix + "majorDefenseEquipmentValue", "cannot exceed totalValue "
					+ sale.totalValue().toPlainString() + ": major defense equipment is part of the total"));
		}
		if (sale.firearmsValue() != null && sale.totalValue() != null
				&& sale.firearmsValue().compareTo(sale.totalValue()) > 0) {
			errors.add(new InputError(prefix + "firearmsValue", "cannot exceed totalValue "
					+ sale.totalValue().toPlainString() + ": the firearms are part of the license"));
		}
		if (sale.firearmsValue() != null && sale.firearmsValue().signum() > 0 && Boolean.FALSE.equals(sale.includesFirearms())) {
			errors.add(new InputError(prefix + "firearmsValue", "a firearms value is given but usmlCategories does not include I"));
		}
		if (sale.firearmsValue() != null && sale.channel() != Channel.DCS) {
			errors.add(new InputError(prefix + "firearmsValue", "only used with DCS licenses ("
					+ data.parameter("congressional-notification/thresholds/dcs/standard/firearms").citation() + ")"));
		}
		if (sale.designAndConstructionValue() != null && sale.channel() != Channel.FMS) {
			errors.add(new InputError(prefix + "designAndConstructionValue",
					"only used with FMS letters of offer (36(b)(1)); section 36(c) has no design and construction test"));
		}
		if (sale.newSalesTerritory() != null) {
			for (String c : sale.newSalesTerritory()) {
				if (UnitedStates.ISO2.equals(c)) {
					errors.add(new InputError(prefix + "newSalesTerritory", "the United States is not a sales territory"));
				}
				else if (!data.isCountry(c)) {
					errors.add(new InputError(prefix + "newSalesTerritory",
							"'" + c + "' is not an ISO 3166-1 alpha-2 country code"));
				}
			}
		}
		return errors;
	}

	public List<InputError> checkScenario(Scenario scenario, String field) {
		return thresholds.check(scenario, field);
	}

	/** Evaluates one sale; throws {@link InvalidInputException} for input the rules cannot take. */
	public NotificationResult evaluate(SaleCase sale, Scenario scenario) {
		List<InputError> errors = new ArrayList<>(check(sale, ""));
		errors.addAll(checkScenario(scenario, "scenario"));
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors, false);
		}
		return evaluateChecked(sale, scenario, "");
	}

	/** Evaluates a sale already checked with {@link #check} and {@link #checkScenario}. */
	public NotificationResult evaluateChecked(SaleCase sale, Scenario scenario, String prefix) {
		LocalDate asOf = sale.asOf();
		if (asOf.isBefore(data.coversFrom(REGIME))) {
			throw InvalidInputException.unprocessable(prefix + "asOf", "the rule bundle covers business dates from "
					+ data.coversFrom(REGIME) + "; " + asOf + " is earlier");
		}
		List<Threshold> applied = thresholds.resolve(sale.channel(), asOf, scenario, "scenario");
		return engine.decide((session) -> {
			session.insert(sale);
			Set<String> countries = new LinkedHashSet<>();
			countries.add(sale.recipient());
			if (sale.newSalesTerritory() != null) {
				for (String c : sale.newSalesTerritory()) {
					countries.add(c);
					session.insert(new TerritoryCountry(c));
				}
			}
			for (MembershipList list : MembershipList.values()) {
				for (String c : countries) {
					for (DatedRecord r : data.memberships(list.table(), c, asOf)) {
						session.insert(new Membership(c, list, r.effectiveFrom(), r.effectiveTo(), r.citation(),
								r.source()));
					}
				}
			}
			applied.forEach(session::insert);
			String channel = sale.channel().name().toLowerCase(Locale.ROOT).replace('_', '-');
			insertValue(session, "review-period/nato-plus-5",
					"congressional-notification/review-periods/" + channel + "/nato-plus-5", asOf);
			insertValue(session, "review-period/standard",
					"congressional-notification/review-periods/" + channel + "/standard", asOf);
			insertValue(session, "advance-notification", "congressional-notification/advance-notification", asOf);
			session.fireAllRules();
			return read(session, sale, scenario, applied, engine);
		});
	}

	private void insertValue(KieSession session, String key, String id, LocalDate date) {
		Parameter p = data.parameter(id);
		p.at(date).ifPresent((v) -> session.insert(new DatedValue(key, id, v.value(), p.citation(), v.effectiveFrom())));
	}

	private static NotificationResult read(KieSession session, SaleCase sale, Scenario scenario,
			List<Threshold> applied, RuleEngine engine) {
		List<Decision> decisions = RuleEngine.objects(session, Decision.class);
		if (decisions.size() != 1) {
			throw new IllegalStateException("The rules reached " + decisions.size() + " decisions for " + sale
					+ ": the congressional-notification rules are not mutually exclusive");
		}
		Outcome outcome = decisions.get(0).outcome();
		List<RecipientClass> classes = RuleEngine.objects(session, RecipientClass.class);
		if (classes.size() != 1) {
			throw new IllegalStateException("The rules put the recipient in " + classes.size() + " groups: " + classes);
		}
		List<CandidateTier> tiers = RuleEngine.objects(session, CandidateTier.class);
		Set<Tier> candidate = new LinkedHashSet<>();
		tiers.forEach((t) -> candidate.add(t.tier()));
		Tier tier = (tiers.size() == 1 && tiers.get(0).decided()) ? tiers.get(0).tier() : null;
		List<ThresholdTest> triggered = (outcome != Outcome.REQUIRED) ? List.of()
				: RuleEngine.objects(session, ThresholdTest.class).stream()
					.filter((t) -> t.result() == TestResult.MET)
					.sorted(Comparator.comparing(ThresholdTest::tier).thenComparing(ThresholdTest::kind))
					.toList();
		List<String> missing = (outcome != Outcome.UNDETERMINED) ? List.of()
				: RuleEngine.objects(session, Missing.class).stream().map(Missing::field).distinct().sorted().toList();
		List<ReviewPeriod> periods = RuleEngine.objects(session, ReviewPeriod.class);
		Integer days = periods.isEmpty() ? null : periods.get(0).days();
		boolean waived = !RuleEngine.objects(session, ReviewWaived.class).isEmpty();
		List<Threshold> shown = applied.stream().filter((t) -> candidate.contains(t.tier())
				|| (t.kind() == ThresholdKind.FIREARMS && !candidate.isEmpty())).toList();
		return new NotificationResult(outcome, sale.channel().section(), days, waived, classes.get(0).group(), tier,
				shown, triggered, missing, FindingCollector.findings(session, engine), sale.asOf(), scenario.kind());
	}

}
