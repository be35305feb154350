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

	/** A sale whose outcome differs between the first scenario and another. */
	public record Change(String id, Outcome from, Outcome to) {
	}

	/** The changes from the first scenario to one other. */
	public record Changes(String fromScenario, String toScenario, List<Change> sales) {
	}

	/** The simulation. */
	public record Result(List<ScenarioRun> scenarios, List<Changes> changes) {
	}

	private final Kernel kernel;

	private final NotificationRegime regime;

	private final DecisionExecutor executor;

	public SimulationService(Kernel kernel, NotificationRegime regime, DecisionExecutor executor) {
		this.kernel = kernel;
		this.regime = regime;
		this.executor = executor;
	}

	public Result simulate(List<Sale> sales, List<NamedScenario> scenarios) {
		check(sales, scenarios);
		List<ScenarioRun> runs = new ArrayList<>();
		for (NamedScenario ns : scenarios) {
			SaleOutcome[] outcomes = new SaleOutcome[sales.size()];
			executor.forEach(sales.size(), (i) -> {
				Sale s = sales.get(i);
				NotificationResult r = kernel.decideChecked(regime, new NotificationRequest(s.sale(), ns.scenario()),
						"sales[" + i + "].");
				outcomes[i] = new SaleOutcome(s.id(), r.asOf(), r.outcome(), r.reviewPeriodDays(), r.triggeredBy(),
						r.missing());
			});
			Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
			for (Outcome o : Outcome.values()) {
				counts.put(o, 0);
			}
			for (SaleOutcome o : outcomes) {
				counts.merge(o.outcome(), 1, Integer::sum);
			}
			runs.add(new ScenarioRun(ns.name(), ns.scenario().kind(), counts, List.of(outcomes)));
		}
		List<Changes> changes = new ArrayList<>();
		ScenarioRun first = runs.get(0);
		for (ScenarioRun other : runs.subList(1, runs.size())) {
			List<Change> changed = new ArrayList<>();
			for (int i = 0; i < sales.size(); i++) {
				Outcome a = first.results().get(i).outcome();
				Outcome b = other.results().get(i).outcome();
				if (a != b) {
					changed.add(new Change(sales.get(i).id(), a, b));
				}
			}
			changes.add(new Changes(first.name(), other.name(), List.copyOf(changed)));
		}
		return new Result(List.copyOf(runs), List.copyOf(changes));
	}

	private void check(List<Sale> sales, List<NamedScenario> scenarios) {
		List<InputError> errors = new ArrayList<>();
		if (sales.isEmpty()) {
			errors.add(new InputError("sales", "at least one sale is required"));
		}
		if (scenarios.isEmpty()) {
			errors.add(new InputError("scenarios", "at least one scenario is required"));
		}
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < sales.size(); i++) {
			Sale s = sales.get(i);
			if (!ids.add(s.id())) {
				errors.add(new InputError("sales[" + i + "].id", "duplicate id '" + s.id() + "'"));
			}
			errors.addAll(s.sale().check(kernel.data(), "sales[" + i + "]."));
		}
		Set<String> names = new HashSet<>();
		for (int i = 0; i < scenarios.size(); i++) {
			NamedScenario ns = scenarios.get(i);
			if (!names.add(ns.name())) {
				errors.add(new InputError("scenarios[" + i + "].name", "duplicate scenario name '" + ns.name() + "'"));
			}
			errors.addAll(ns.scenario().check("scenarios[" + i + "]"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors, false);
		}
		for (int i = 0; i < sales.size(); i++) {
			kernel
				.coverage(regime, sales.get(i).sale().asOf(), "sales[" + i + "].asOf",
						" (the sale's asOf, or the batch asOf it defaults to)")
				.ifPresent(errors::add);
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors, true);
		}
	}

}
