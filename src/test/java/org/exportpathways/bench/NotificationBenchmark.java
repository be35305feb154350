package org.exportpathways.bench;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.exportpathways.TestBundle;
import org.exportpathways.notification.Channel;
import org.exportpathways.notification.SaleCase;
import org.exportpathways.notification.NotificationResult;
import org.exportpathways.notification.Outcome;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH benchmarks of the notification rules beside the hand-written reference
 * ({@link ReferenceNotification}) on the same inputs, so the rules/reference ratio is
 * read from one run: one evaluation (average, and sampled for p50/p99), and batches of
 * 10,000 and 100,000 sales under two scenarios on both cores (the batch entry point
 * {@code Kernel.decideAll}, outcomes only; and, for comparison, the simulation service's
 * path, one pooled decision with findings per sale). Run:
 * {@code ./mvnw -q -Pbench test-compile exec:exec -Dbench.args=NotificationBenchmark}
 * (see README, Benchmarks). Not part of the test suite.
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

	/** {@link #evaluateOne} sampled: the p50, p90, p99 of one evaluation. */
	@Benchmark
	@BenchmarkMode(Mode.SampleTime)
	@OutputTimeUnit(TimeUnit.MICROSECONDS)
	@Warmup(iterations = 3, time = 2)
	@Measurement(iterations = 5, time = 2)
	public NotificationResult evaluateOneSampled() {
		return evaluateOne();
	}

	/** {@link #referenceOne} sampled. */
	@Benchmark
	@BenchmarkMode(Mode.SampleTime)
	@OutputTimeUnit(TimeUnit.MICROSECONDS)
	@Warmup(iterations = 3, time = 2)
	@Measurement(iterations = 5, time = 2)
	public ReferenceNotification.Answer referenceOneSampled() {
		return referenceOne();
	}

	/**
	 * The old batch path, kept for comparison: the simulation service (one pooled
	 * decision with findings per sale, on both cores) over the first 100,000 sales under
	 * two scenarios.
	 */
	@Benchmark
	@BenchmarkMode(Mode.SingleShotTime)
	@OutputTimeUnit(TimeUnit.MILLISECONDS)
	@Warmup(iterations = 2)
	@Measurement(iterations = 5)
	public SimulationService.Result simulate100kSalesTwoScenarios() {
		return simulations.simulate(batch, scenarios);
	}

	/**
	 * A batch of {@code sales} sales (10,000 or 100,000; {@code -p sales=1000000} for a
	 * million) under two scenarios (statutory and x1.69), so 2 x {@code sales} decisions,
	 * in chunks of {@link #CHUNK} spread over both cores.
	 */
	@State(Scope.Benchmark)
	public static class Batch {

		@Param({ "10000", "100000" })
		public int sales;

		List<List<NotificationRequest>> chunks;

		DecisionExecutor executor;

		@Setup
		public void setUp() {
			Random random = new Random(7);
			List<Scenario> both = List.of(Scenario.STATUTORY,
					new Scenario(Scenario.Kind.INFLATION_ADJUSTED, new BigDecimal("1.69"), null, null, null, null));
			List<SaleCase> list = new ArrayList<>(sales);
			for (int i = 0; i < sales; i++) {
				list.add(randomSale(random));
			}
			chunks = new ArrayList<>();
			for (Scenario scenario : both) {
				for (int from = 0; from < sales; from += CHUNK) {
					chunks.add(list.subList(from, Math.min(sales, from + CHUNK))
						.stream()
						.map((sale) -> new NotificationRequest(sale, scenario))
						.toList());
				}
			}
			executor = new DecisionExecutor(Runtime.getRuntime().availableProcessors(), 1024);
		}

		@TearDown
		public void tearDown() {
			executor.close();
		}

	}

	/** Sales per chunk of a batch (one session, one task). */
	static final int CHUNK = 2048;

	/**
	 * The rules over a batch through the batch entry point ({@code Kernel.decideAll},
	 * outcomes only); returns the number of REQUIRED decisions.
	 */
	@Benchmark
	@BenchmarkMode(Mode.SingleShotTime)
	@OutputTimeUnit(TimeUnit.MILLISECONDS)
	@Warmup(iterations = 3)
	@Measurement(iterations = 5)
	public long batchRules(Batch b) {
		AtomicLong required = new AtomicLong();
		b.executor.forEach(b.chunks.size(), (c) -> {
			long n = 0;
			for (NotificationResult r : TestBundle.KERNEL.decideAll(notifications, b.chunks.get(c), (i) -> "", false)) {
				n += (r.outcome() == Outcome.REQUIRED) ? 1 : 0;
			}
			required.addAndGet(n);
		});
		return required.get();
	}

	/**
	 * The reference over the same batch, the same way (chunks over both cores, thresholds
	 * resolved as the rules get them).
	 */
	@Benchmark
	@BenchmarkMode(Mode.SingleShotTime)
	@OutputTimeUnit(TimeUnit.MILLISECONDS)
	@Warmup(iterations = 3)
	@Measurement(iterations = 5)
	public long batchReference(Batch b) {
		AtomicLong required = new AtomicLong();
		b.executor.forEach(b.chunks.size(), (c) -> {
			long n = 0;
			for (NotificationRequest q : b.chunks.get(c)) {
				SaleCase sale = q.sale();
				n += (reference.decide(sale, thresholds.resolve(sale.channel(), sale.asOf(), q.scenario(), "scenario"))
					.outcome() == Outcome.REQUIRED) ? 1 : 0;
			}
			required.addAndGet(n);
		});
		return required.get();
	}

}
