package org.exportpathways.jar;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line of the packaged jar, as users run it ({@code java -Xmx256m -jar ...
 * simulate}), not on a terminal: exit codes, the rows written, quiet output, and a batch
 * of 20,000 sales in a 256 MB heap, two runs at once. Run by maven-failsafe at
 * {@code verify}.
 */
class CommandLineJarTests {

	static final Path JAR = Path.of(System.getProperty("packaged.jar", "target/export-pathways-0.1.0-SNAPSHOT.jar"));

	@TempDir
	Path dir;

	record Run(int exit, String stdout, String stderr) {
	}

	Process start(String name, String... args) throws IOException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-jar",
						JAR.toAbsolutePath().toString(), "simulate"));
		command.addAll(List.of(args));
		return new ProcessBuilder(command).redirectOutput(dir.resolve(name + ".out").toFile())
			.redirectError(dir.resolve(name + ".err").toFile())
			.start();
	}

	Run finish(String name, Process p) throws Exception {
		assertThat(p.waitFor(10, TimeUnit.MINUTES)).as("the command line finished").isTrue();
		return new Run(p.exitValue(), Files.readString(dir.resolve(name + ".out")),
				Files.readString(dir.resolve(name + ".err")));
	}

	@Test
	void theSampleRunsToRowsAndASummaryAndBadInputExitsTwo() throws Exception {
		assertThat(JAR).as("the packaged jar (run ./mvnw verify)").exists();
		Path out = dir.resolve("results.csv");
		Run ok = finish("ok",
				start("ok", "--sales", "samples/simulateNotifications/fms-2022-2024.csv", "--scenarios",
						"samples/simulateNotifications/scenarios.json", "--out", out.toString(), "--as-of",
						"2026-11-25", "--break-even"));
		assertThat(ok.exit()).as(ok.stderr()).isZero();
		assertThat(Files.readAllLines(out)).hasSize(49).first().asString().startsWith("id,asOf,statutory.outcome");
		assertThat(ok.stdout()).startsWith("Notification by scenario: \"statutory\": 45 required")
			.contains("48 sales written");
		// not a terminal: no progress bar, nothing on stderr
		assertThat(ok.stderr()).isEmpty();

		Path bad = dir.resolve("bad.csv");
		Files.writeString(bad, "id,channel,recipient,totalValue\na,FMS,IN,-5\n");
		Path none = dir.resolve("none.csv");
		Run refused = finish("bad", start("bad", "--sales", bad.toString(), "--scenarios",
				"samples/simulateNotifications/scenarios.json", "--out", none.toString()));
		assertThat(refused.exit()).isEqualTo(2);
		assertThat(refused.stderr()).contains("sales[0].totalValue");
		assertThat(none).doesNotExist();
	}

	@Test
	void twentyThousandSalesInA256MbHeapTwoRunsAtOnce() throws Exception {
		Path sales = dir.resolve("sales.csv");
		StringBuilder csv = new StringBuilder("id,channel,recipient,asOf,majorDefenseEquipmentValue,totalValue\n");
		String[] countries = { "IN", "DE", "JP", "BR", "SA", "AU" };
		for (int i = 0; i < 20000; i++) {
			long total = 1_000_000L * (1 + (i * 7919L) % 400);
			csv.append('s')
				.append(i)
				.append(",FMS,")
				.append(countries[i % countries.length])
				.append(",2025-0")
				.append(1 + i % 9)
				.append("-15,")
				.append((i % 5 == 0) ? "" : String.valueOf(total / 3))
				.append(',')
				.append(total)
				.append('\n');
		}
		Files.writeString(sales, csv, StandardCharsets.UTF_8);
		Path scenarios = dir.resolve("scenarios.json");
		Files.writeString(scenarios,
				"[{\"name\":\"law\",\"kind\":\"STATUTORY\"},{\"name\":\"dod\",\"kind\":\"INFLATION_ADJUSTED\",\"factor\":1.69}]");
		Process a = start("a", "--sales", sales.toString(), "--scenarios", scenarios.toString(), "--out",
				dir.resolve("a.csv").toString());
		Process b = start("b", "--sales", sales.toString(), "--scenarios", scenarios.toString(), "--out",
				dir.resolve("b.json").toString(), "--threads", "1");
		Run ra = finish("a", a);
		Run rb = finish("b", b);
		assertThat(ra.exit()).as(ra.stderr()).isZero();
		assertThat(rb.exit()).as(rb.stderr()).isZero();
		List<String> rows = Files.readAllLines(dir.resolve("a.csv"));
		assertThat(rows).hasSize(20001);
		assertThat(rows.get(20000)).startsWith("s19999,2025-0");
		// the same totals from both, whatever the threads and the output format
		assertThat(ra.stdout().lines().findFirst()).isEqualTo(rb.stdout().lines().findFirst());
		assertThat(Files.readString(dir.resolve("b.json"))).startsWith("[{\"id\":\"s0\"");
	}

}
