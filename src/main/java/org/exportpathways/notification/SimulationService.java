package org.exportpathways.notification;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.exportpathways.domain.InputError;
import org.exportpathways.domain.InvalidInputException;
import org.exportpathways.notification.NotificationFacts.ThresholdTest;
import org.exportpathways.notification.Outcome;
import org.exportpathways.notification.SaleCase;
import org.exportpathways.kernel.DecisionExecutor;
import org.exportpathways.kernel.Kernel;

/**
 * Runs a batch of sales through the notification rules under several named scenarios,
 * each sale as of its own date, and lists the sales whose outcome differs from the first
 * scenario's. Sales are evaluated in parallel on the application's decision executor
 * (never the common pool).
 */
public final class SimulationService {

	/** A sale of the batch. */
	public record Sale(String id, SaleCase sale) {
	}

	/** A named scenario of the batch. */
	public record NamedScenario(String name, Scenario scenario) {
	}

	/** One sale's outcome under one scenario. */
	public record SaleOutcome(String id, LocalDate asOf, Outcome outcome, Integer reviewPeriodDays,
			List<ThresholdTest> triggeredBy, List<String> missing) {
	}

	/** All outcomes under one scenario, with counts for every outcome (zero included). */
	public record ScenarioRun(String name, Scenario.Kind kind, Map<Outcome, Integer> counts,
			List<SaleOutcome> results) {
	}

	/**
	 * A sale whose outcome differs between the first scenario and another, with its total
	 * value (null when unknown).
	 */
	public record Change(String id, Outcome from, Outcome to, java.math.BigDecimal totalValue) {
	}

	/** The changes from the first scenario to one other. */
	public record Changes(String fromScenario, String toScenario, List<Change> sales) {
	}

	/**
	 * The simulation: each scenario's per-sale results, the changes from the first
	 * scenario, the counts and bounds, and (when asked for) each sale's break-even factor
	 * in input order.
	 */
	public record Result(List<ScenarioRun> scenarios, List<Changes> changes, SimulationRun.Summary summary,
			List<BreakEven> breakEvens) {
	}

	/** Sales decided per chunk of a streamed run. */
	public static final int CHUNK = 2048;

	private final Kernel kernel;

	private final NotificationRegime regime;

	private final DecisionExecutor executor;

	public SimulationService(Kernel kernel, NotificationRegime regime, DecisionExecutor executor) {
		this.kernel = kernel;
		this.regime = regime;
		this.executor = executor;
	}

	public Result simulate(List<Sale> sales, List<NamedScenario> scenarios) {
		return simulate(sales, scenarios, Analysis.NONE);
	}

	/** Decides the whole batch in memory (the synchronous operation). */
	public Result simulate(List<Sale> sales, List<NamedScenario> scenarios, Analysis analysis) {
		check(sales, scenarios, analysis);
		SimulationRun run = new SimulationRun(kernel, regime, executor, scenarios, analysis);
		List<List<SaleOutcome>> byScenario = new ArrayList<>();
		for (int i = 0; i < scenarios.size(); i++) {
			byScenario.add(new ArrayList<>(sales.size()));
		}
		List<BreakEven> breakEvens = new ArrayList<>();
		for (int from = 0; from < sales.size(); from += CHUNK) {
			run.accept(sales.subList(from, Math.min(sales.size(), from + CHUNK)), from, (row) -> {
				for (int i = 0; i < row.outcomes().size(); i++) {
					byScenario.get(i).add(row.outcomes().get(i));
				}
				if (row.breakEven() != null) {
					breakEvens.add(row.breakEven());
				}
			});
		}
		SimulationRun.Summary summary = run.summary();
		List<ScenarioRun> runs = new ArrayList<>();
		for (int i = 0; i < scenarios.size(); i++) {
			NamedScenario ns = scenarios.get(i);
			Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
			summary.scenarios().get(i).counts().forEach((o, n) -> counts.put(o, n.intValue()));
			runs.add(new ScenarioRun(ns.name(), ns.scenario().kind(), counts, List.copyOf(byScenario.get(i))));
		}
		List<Changes> changes = new ArrayList<>();
		ScenarioRun first = runs.get(0);
		for (ScenarioRun other : runs.subList(1, runs.size())) {
			List<Change> changed = new ArrayList<>();
			for (int i = 0; i < sales.size(); i++) {
				Outcome a = first.results().get(i).outcome();
				Outcome b = other.results().get(i).outcome();
				if (a != b) {
					changed.add(new Change(sales.get(i).id(), a, b, sales.get(i).sale().totalValue()));
				}
			}
			changes.add(new Changes(first.name(), other.name(), List.copyOf(changed)));
		}
		return new Result(List.copyOf(runs), List.copyOf(changes), summary, List.copyOf(breakEvens));
	}

	/**
	 * A run to feed chunk by chunk (batch jobs, the command line), after
	 * {@link #checkScenarios} and {@link #checkSale} passed.
	 */
	public SimulationRun start(List<NamedScenario> scenarios, Analysis analysis) {
		return new SimulationRun(kernel, regime, executor, scenarios, analysis);
	}

	/** Problems with the scenarios and the analysis (400). */
	public List<InputError> checkScenarios(List<NamedScenario> scenarios, Analysis analysis) {
		List<InputError> errors = new ArrayList<>();
		if (scenarios.isEmpty()) {
			errors.add(new InputError("scenarios", "at least one scenario is required"));
		}
		Set<String> names = new HashSet<>();
		for (int i = 0; i < scenarios.size(); i++) {
			NamedScenario ns = scenarios.get(i);
			if (!names.add(ns.name())) {
				errors.add(new InputError("scenarios[" + i + "].name", "duplicate scenario name '" + ns.name() + "'"));
			}
			errors.addAll(ns.scenario().check("scenarios[" + i + "]"));
		}
		errors.addAll(analysis.check("analysis"));
		return errors;
	}

	/**
	 * Problems with one sale, {@code index} its position in the batch: the ones the rules
	 * cannot take (400), then, only if there are none, a date the bundle does not cover
	 * ({@code unprocessable}, 422).
	 */
	public List<InputError> checkSale(Sale sale, long index, List<InputError> unprocessable) {
		List<InputError> errors = sale.sale().check(kernel.data(), "sales[" + index + "].");
		if (errors.isEmpty()) {
			kernel
				.coverage(regime, sale.sale().asOf(), "sales[" + index + "].asOf",
						" (the sale's asOf, or the batch asOf it defaults to)")
				.ifPresent(unprocessable::add);
		}
		return errors;
	}

	private void check(List<Sale> sales, List<NamedScenario> scenarios, Analysis analysis) {
		List<InputError> errors = new ArrayList<>();
		if (sales.isEmpty()) {
			errors.add(new InputError("sales", "at least one sale is required"));
		}
		Set<String> ids = new HashSet<>();
		List<InputError> unprocessable = new ArrayList<>();
		for (int i = 0; i < sales.size(); i++) {
			Sale s = sales.get(i);
			if (!ids.add(s.id())) {
				errors.add(new InputError("sales[" + i + "].id", "duplicate id '" + s.id() + "'"));
			}
			errors.addAll(checkSale(s, i, unprocessable));
		}
		errors.addAll(checkScenarios(scenarios, analysis));
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors, false);
		}
		if (!unprocessable.isEmpty()) {
			throw new InvalidInputException(unprocessable, true);
		}
	}

}
