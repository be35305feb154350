package org.exportpathways.bench;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.exportpathways.TestBundle;
import org.exportpathways.screening.ScreeningRequest;
import org.exportpathways.screening.ScreeningResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH benchmark of a 10-item screening (ITAR and EAR items, with the sale's notification
 * check) to Australia. Run: {@code ./mvnw -q -Pbench test-compile exec:exec} (see README,
 * Benchmarks).
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = { "-Xmx2g" })
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ScreeningBenchmark {

	static final ScreeningRequest TEN_ITEMS = new ScreeningRequest(LocalDate.of(2026, 11, 25), "AU", "DCS",
			new ScreeningRequest.EndUser("COMMERCIAL", true, null, false, null, false, Set.of("FR"), null),
			new ScreeningRequest.Exporter(true, null), false, false, null,
			List.of(usml("1", "VIII", false), usml("2", "XI", null), usml("3", "IV", true), usml("4", "XIX", false),
					eccn("5", "9A610.x"), eccn("6", "3A001"), eccn("7", "0A606.y.1"), eccn("8", "5A002"),
					eccn("9", "9A515.a"),
					new ScreeningRequest.Item("10", null, null, true, BigDecimal.valueOf(100), null)),
			new ScreeningRequest.Sale(BigDecimal.ZERO, BigDecimal.valueOf(4_000_000), null, Set.of()));

	static ScreeningRequest.Item usml(String id, String category, Boolean etl) {
		return new ScreeningRequest.Item(id,
				new ScreeningRequest.Usml(category, null, false, false, "HARDWARE", etl, false), null, null,
				BigDecimal.valueOf(500_000), null);
	}

	static ScreeningRequest.Item eccn(String id, String eccn) {
		return new ScreeningRequest.Item(id, null, eccn, null, BigDecimal.valueOf(1_000), null);
	}

	@Benchmark
	public ScreeningResult screenTenItems() {
		return TestBundle.KERNEL.decide(TestBundle.SCREENING, TEN_ITEMS);
	}

}
