package org.exportpathways.notification;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.exportpathways.kernel.DecisionExecutor;
import org.exportpathways.kernel.Kernel;
import org.exportpathways.notification.SimulationService.NamedScenario;
import org.exportpathways.notification.SimulationService.Sale;
import org.exportpathways.notification.SimulationService.SaleOutcome;

/**
 * A simulation fed chunk by chunk: each chunk of sales is decided in parallel on the
 * decision executor, its rows handed on in input order, and only counts are kept, so
 * memory stays flat in the number of sales. Not thread-safe: one feeder at a time.
 */
public final class SimulationRun {

	/**
	 * One sale's answers: an outcome per scenario, its break-even, its sweep outcomes.
	 */
	public record Row(Sale sale, List<SaleOutcome> outcomes, BreakEven breakEven, List<Outcome> sweep,
			List<List<Threshold>> thresholds) {
	}

	/** A count that may be anywhere between {@code min} and {@code max}. */
	public record Bounds(long min, long max) {
	}

	/**
	 * Sales moving between outcomes from the first scenario to another, and the sum of
	 * their known total values ({@code unknownValueCount} sales have no total).
	 */
	public record Movement(long count, BigDecimal knownValue, long unknownValueCount) {
	}

	/** A threshold applied to {@code sales} sales under a scenario. */
	public record ThresholdUse(Threshold threshold, long sales) {
	}

	/**
	 * One scenario's counts. {@code required} bounds the sales that need notification
	 * once the undetermined ones are decided; the movements compare with the first
	 * scenario (null for the first).
	 */
	public record ScenarioSummary(String name, Scenario.Kind kind, Map<Outcome, Long> counts, Bounds required,
			Bounds notRequired, long changed, Movement leavingReview, Movement possiblyLeavingReview,
			Movement enteringReview, List<ThresholdUse> thresholds) {
	}

	/** Counts of outcomes at one inflation factor. */
	public record SweepPoint(BigDecimal factor, Map<Outcome, Long> counts) {
	}

	/** What the run found, without the per-sale rows. */
	public record Summary(long sales, List<ScenarioSummary> scenarios, List<SweepPoint> sweep,
			Map<BreakEven.Kind, Long> breakEvens) {
	}

	private final Kernel kernel;

	private final NotificationRegime regime;

	private final DecisionExecutor executor;

	private final List<NamedScenario> scenarios;

	private final Analysis analysis;

	private final List<BigDecimal> sweepFactors;

	private final Tally[] tallies;

	private final long[][] sweepCounts;

	private final Map<BreakEven.Kind, Long> breakEvens = new EnumMap<>(BreakEven.Kind.class);

	private long sales;

	SimulationRun(Kernel kernel, NotificationRegime regime, DecisionExecutor executor, List<NamedScenario> scenarios,
			Analysis analysis) {
		this.kernel = kernel;
		this.regime = regime;
		this.executor = executor;
		this.scenarios = List.copyOf(scenarios);
		this.analysis = analysis;
		this.sweepFactors = (analysis.sweep() != null) ? analysis.sweep().factors() : List.of();
		this.tallies = new Tally[scenarios.size()];
		for (int i = 0; i < tallies.length; i++) {
			tallies[i] = new Tally();
		}
		this.sweepCounts = new long[sweepFactors.size()][Outcome.values().length];
		if (analysis.breakEven()) {
			for (BreakEven.Kind k : BreakEven.Kind.values()) {
				breakEvens.put(k, 0L);
			}
		}
	}

	/** The scenarios, in order. */
	public List<NamedScenario> scenarios() {
		return scenarios;
	}

	/** The factors of the sweep (empty when none was asked for). */
	public List<BigDecimal> sweepFactors() {
		return sweepFactors;
	}

	/** The analysis asked for. */
	public Analysis analysis() {
		return analysis;
	}

	/**
	 * Decides a chunk of (already checked) sales and hands each row on, in order.
	 * {@code firstIndex} is the position of the chunk's first sale in the whole batch
	 * (for the field paths of errors).
	 */
	public void accept(List<Sale> chunk, long firstIndex, Consumer<Row> out) {
		Row[] rows = new Row[chunk.size()];
		executor.forEach(chunk.size(), (i) -> rows[i] = decide(chunk.get(i), "sales[" + (firstIndex + i) + "]."));
		for (Row row : rows) {
			count(row);
			out.accept(row);
		}
	}

	private Row decide(Sale s, String prefix) {
		List<SaleOutcome> outcomes = new ArrayList<>(scenarios.size());
		List<List<Threshold>> applied = new ArrayList<>(scenarios.size());
		for (NamedScenario ns : scenarios) {
			NotificationResult r = kernel.decideChecked(regime, new NotificationRequest(s.sale(), ns.scenario()),
					prefix);
			outcomes.add(
					new SaleOutcome(s.id(), r.asOf(), r.outcome(), r.reviewPeriodDays(), r.triggeredBy(), r.missing()));
			applied.add(r.thresholds());
		}
		BreakEven breakEven = null;
		List<Outcome> sweep = List.of();
		if (analysis.probesFactors()) {
			FactorProbe probe = new FactorProbe(s.sale(),
					regime.statutoryThresholds(s.sale().channel(), s.sale().asOf()),
					(f) -> kernel.decideChecked(regime, new NotificationRequest(s.sale(), factor(f)), prefix));
			breakEven = analysis.breakEven() ? probe.breakEven() : null;
			sweep = probe.outcomes(sweepFactors);
		}
		return new Row(s, outcomes, breakEven, sweep, applied);
	}

	static Scenario factor(BigDecimal f) {
		return new Scenario(Scenario.Kind.INFLATION_ADJUSTED, f, null, null, null, null);
	}

	private void count(Row row) {
		sales++;
		Outcome first = row.outcomes().get(0).outcome();
		BigDecimal value = row.sale().sale().totalValue();
		for (int i = 0; i < tallies.length; i++) {
			tallies[i].add(first, row.outcomes().get(i).outcome(), value, row.thresholds().get(i));
		}
		for (int p = 0; p < row.sweep().size(); p++) {
			sweepCounts[p][row.sweep().get(p).ordinal()]++;
		}
		if (row.breakEven() != null) {
			breakEvens.merge(row.breakEven().kind(), 1L, Long::sum);
		}
	}

	/** What was counted so far. */
	public Summary summary() {
		List<ScenarioSummary> out = new ArrayList<>();
		for (int i = 0; i < tallies.length; i++) {
			out.add(tallies[i].summary(scenarios.get(i), i == 0));
		}
		List<SweepPoint> sweep = new ArrayList<>();
		for (int p = 0; p < sweepFactors.size(); p++) {
			sweep.add(new SweepPoint(sweepFactors.get(p), counts(sweepCounts[p])));
		}
		return new Summary(sales, List.copyOf(out), List.copyOf(sweep), Map.copyOf(breakEvens));
	}

	private static Map<Outcome, Long> counts(long[] byOrdinal) {
		Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
		for (Outcome o : Outcome.values()) {
			counts.put(o, byOrdinal[o.ordinal()]);
		}
		return counts;
	}

	private static final class Move {

		long count;

		BigDecimal known = BigDecimal.ZERO;

		long unknown;

		void add(BigDecimal value) {
			count++;
			if (value == null) {
				unknown++;
			}
			else {
				known = known.add(value);
			}
		}

		Movement movement() {
			return new Movement(count, known, unknown);
		}

	}

	private static final class Tally {

		final long[] counts = new long[Outcome.values().length];

		long changed;

		final Move leaving = new Move();

		final Move possiblyLeaving = new Move();

		final Move entering = new Move();

		final Map<Threshold, Long> thresholds = new LinkedHashMap<>();

		void add(Outcome first, Outcome here, BigDecimal value, List<Threshold> applied) {
			counts[here.ordinal()]++;
			if (first != here) {
				changed++;
			}
			if (first == Outcome.REQUIRED && here == Outcome.NOT_REQUIRED) {
				leaving.add(value);
			}
			else if (first == Outcome.REQUIRED && here == Outcome.UNDETERMINED) {
				possiblyLeaving.add(value);
			}
			else if (first != Outcome.REQUIRED && here == Outcome.REQUIRED) {
				entering.add(value);
			}
			for (Threshold t : applied) {
				thresholds.merge(t, 1L, Long::sum);
			}
		}

		ScenarioSummary summary(NamedScenario scenario, boolean baseline) {
			long required = counts[Outcome.REQUIRED.ordinal()];
			long notRequired = counts[Outcome.NOT_REQUIRED.ordinal()];
			long undetermined = counts[Outcome.UNDETERMINED.ordinal()];
			List<ThresholdUse> uses = new ArrayList<>();
			thresholds.forEach((t, n) -> uses.add(new ThresholdUse(t, n)));
			uses.sort(Comparator.comparing((ThresholdUse u) -> u.threshold().channel())
				.thenComparing((u) -> u.threshold().tier())
				.thenComparing((u) -> u.threshold().kind())
				.thenComparing((u) -> u.threshold().effectiveFrom(), Comparator.nullsFirst(Comparator.naturalOrder()))
				.thenComparing((u) -> u.threshold().amount()));
			return new ScenarioSummary(scenario.name(), scenario.scenario().kind(), SimulationRun.counts(counts),
					new Bounds(required, required + undetermined), new Bounds(notRequired, notRequired + undetermined),
					baseline ? 0 : changed, baseline ? null : leaving.movement(),
					baseline ? null : possiblyLeaving.movement(), baseline ? null : entering.movement(),
					List.copyOf(uses));
		}

	}

}
