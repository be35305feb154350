package org.exportpathways.bench;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.exportpathways.TestBundle;
import org.exportpathways.notification.Channel;
import org.exportpathways.notification.SaleCase;
import org.exportpathways.notification.NotificationResult;
import org.exportpathways.notification.ReferenceNotification;
import org.exportpathways.notification.ThresholdResolver;
import org.exportpathways.notification.NotificationRegime;
import org.exportpathways.notification.NotificationRequest;
import org.exportpathways.notification.Scenario;
import org.exportpathways.kernel.DecisionExecutor;
import org.exportpathways.notification.SimulationService;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH benchmarks of the notification rules: one evaluation, and a 100,000-sale simulation
 * under two scenarios. Run: {@code ./mvnw -q -Pbench test-compile exec:exec} (see README,
 * Benchmarks). Not part of the test suite.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = { "-Xmx2g" })
public class NotificationBenchmark {

	static final String[] COUNTRIES = { "IN", "DE", "JP", "EG", "SA", "FR", "GB", "BR", "NATO", "TW", "KR", "IL" };

	static final Channel[] CHANNELS = { Channel.FMS, Channel.FMS, Channel.DCS, Channel.MANUFACTURING_AGREEMENT };

	NotificationRegime notifications;

	SimulationService simulations;

	List<SaleCase> inputs;

	List<SimulationService.Sale> batch;

	List<SimulationService.NamedScenario> scenarios;

	int next;

	ReferenceNotification reference;

	ThresholdResolver thresholds;

	@Setup
	public void setUp() {
		notifications = TestBundle.NOTIFICATIONS;
		reference = new ReferenceNotification(TestBundle.DATA, ReferenceNotification.Mutation.NONE);
		thresholds = new ThresholdResolver(TestBundle.DATA);
		simulations = new SimulationService(TestBundle.KERNEL, notifications,
				new DecisionExecutor(Runtime.getRuntime().availableProcessors(), 1024));
		Random random = new Random(42);
		inputs = new ArrayList<>();
		for (int i = 0; i < 4096; i++) {
			inputs.add(randomSale(random));
		}
		batch = new ArrayList<>();
		for (int i = 0; i < 100_000; i++) {
			batch.add(new SimulationService.Sale("s" + i, randomSale(random)));
		}
		scenarios = List.of(new SimulationService.NamedScenario("statutory", Scenario.STATUTORY),
				new SimulationService.NamedScenario("x1.69", new Scenario(Scenario.Kind.INFLATION_ADJUSTED,
						new BigDecimal("1.69"), null, null, null, null)));
	}

	/**
	 * A sale with realistic spread: values around the thresholds, about a quarter of them
	 * unknown.
	 */
	static SaleCase randomSale(Random r) {
		Channel channel = CHANNELS[r.nextInt(CHANNELS.length)];
		String recipient = COUNTRIES[r.nextInt(COUNTRIES.length)];
		BigDecimal total = (r.nextInt(4) == 0) ? null : BigDecimal.valueOf(r.nextInt(150_000_000));
		BigDecimal mde = (r.nextInt(2) == 0) ? null
				: BigDecimal.valueOf((total != null) ? r.nextLong(total.longValue() + 1) : r.nextInt(40_000_000));
		LocalDate asOf = LocalDate.of(2010, 1, 1).plusDays(r.nextInt(6000));
		BigDecimal designAndConstruction = (channel != Channel.FMS || r.nextInt(3) == 0) ? null : BigDecimal.ZERO;
		return new SaleCase(channel, recipient, asOf, mde, total, null, designAndConstruction, null,
				(channel == Channel.DCS && r.nextBoolean()) ? Set.of((r.nextInt(5) == 0) ? "I" : "XI") : null,
				(channel == Channel.MANUFACTURING_AGREEMENT) ? Boolean.valueOf(r.nextBoolean()) : null,
				r.nextBoolean() ? Set.of() : null, null);
	}

	@Benchmark
	@BenchmarkMode(Mode.AverageTime)
	@OutputTimeUnit(TimeUnit.MICROSECONDS)
	@Warmup(iterations = 3, time = 2)
	@Measurement(iterations = 5, time = 2)
	public NotificationResult evaluateOne() {
		SaleCase sale = inputs.get(next++ & 4095);
		return TestBundle.KERNEL.decideChecked(notifications, new NotificationRequest(sale, Scenario.STATUTORY), "");
	}

	/**
	 * The baseline: the hand-written reference of the same decision (outcome and
	 * triggering tests only) on the same inputs, with the thresholds resolved as the
	 * rules get them. The rules/reference ratio is evaluateOne / referenceOne.
	 */
	@Benchmark
	@BenchmarkMode(Mode.AverageTime)
	@OutputTimeUnit(TimeUnit.MICROSECONDS)
	@Warmup(iterations = 3, time = 2)
	@Measurement(iterations = 5, time = 2)
	public ReferenceNotification.Answer referenceOne() {
		SaleCase sale = inputs.get(next++ & 4095);
		return reference.decide(sale, thresholds.resolve(sale.channel(), sale.asOf(), Scenario.STATUTORY, "scenario"));
	}

	@Benchmark
	@BenchmarkMode(Mode.SingleShotTime)
	@OutputTimeUnit(TimeUnit.MILLISECONDS)
	@Warmup(iterations = 2)
	@Measurement(iterations = 5)
	public SimulationService.Result simulate100kSalesTwoScenarios() {
		return simulations.simulate(batch, scenarios);
	}

}
