package org.exportpathways.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line in process: exit codes, the rows written, problems named, nothing
 * written on bad input. (The packaged jar's command line is tested by
 * {@code CommandLineJarTests}.)
 */
class SimulateCommandTests {

	static final Path SAMPLE = Path.of("samples/simulateNotifications/fms-2022-2024.csv");

	static final Path SCENARIOS = Path.of("samples/simulateNotifications/scenarios.json");

	@TempDir
	Path dir;

	final StringWriter out = new StringWriter();

	final StringWriter err = new StringWriter();

	int run(String... args) {
		return SimulateCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), false, args);
	}

	@Test
	void theSampleGivesOneRowPerSaleAndTheSummaryAndExitsZero() throws Exception {
		Path results = dir.resolve("results.csv");
		Path totals = dir.resolve("totals.json");
		int code = run("--sales", SAMPLE.toString(), "--scenarios", SCENARIOS.toString(), "--out", results.toString(),
				"--as-of", "2026-11-25", "--break-even", "--sweep", "1.00:2.00:0.05", "--summary", totals.toString());
		assertThat(code).as(err.toString()).isZero();
		List<String> lines = Files.readAllLines(results);
		assertThat(lines).hasSize(49);
		assertThat(lines.get(0)).startsWith("id,asOf,statutory.outcome,").contains(",breakEven.factor,");
		// the same answers as the API's expected sample
		JsonNode expected = JsonMapper.shared()
			.readTree(Path.of("samples/simulateNotifications/fms-2022-2024.expected.json").toFile());
		for (int i = 0; i < 48; i++) {
			String[] cells = lines.get(i + 1).split(",", -1);
			assertThat(cells[0]).isEqualTo(expected.at("/scenarios/0/results/" + i + "/id").asString());
			assertThat(cells[2]).isEqualTo(expected.at("/scenarios/0/results/" + i + "/outcome").asString());
		}
		JsonNode written = JsonMapper.shared().readTree(totals.toFile());
		assertThat(written).isEqualTo(expected.get("totals"));
		assertThat(out.toString()).startsWith("Notification by scenario: \"statutory\": 45 required")
			.contains("Advisory only");
		assertThat(err.toString()).isEmpty();
	}

	@Test
	void jsonOutWhenTheNameEndsInJson() throws Exception {
		Path results = dir.resolve("results.json");
		assertThat(run("--sales", SAMPLE.toString(), "--scenarios", SCENARIOS.toString(), "--out", results.toString(),
				"--as-of", "2026-11-25"))
			.isZero();
		JsonNode rows = JsonMapper.shared().readTree(results.toFile());
		assertThat(rows.size()).isEqualTo(48);
		assertThat(rows.get(0).get("outcomes").size()).isEqualTo(4);
	}

	@Test
	void badRowsAreNamedByLineAndColumnExitTwoAndNothingIsWritten() throws Exception {
		Path csv = dir.resolve("bad.csv");
		Files.writeString(csv, "id,channel,recipient,totalValue\na,FMS,IN,1000\nb,FMS,IN,lots\na,FMS,XX,5\n");
		Path results = dir.resolve("results.csv");
		assertThat(run("--sales", csv.toString(), "--scenarios", SCENARIOS.toString(), "--out", results.toString()))
			.isEqualTo(2);
		assertThat(err.toString()).contains("Bad input; nothing was written")
			.contains("sales[1].totalValue: CSV line 3")
			.contains("sales[2].id: duplicate id 'a'")
			.contains("sales[2].recipient");
		assertThat(results).doesNotExist();
	}

	@Test
	void missingFilesBadScenariosAndBadOptionsExitTwoNamingTheProblem() throws Exception {
		Path results = dir.resolve("r.csv");
		assertThat(run("--sales", "no-such.csv", "--scenarios", SCENARIOS.toString(), "--out", results.toString()))
			.isEqualTo(2);
		assertThat(err.toString()).contains("--sales: no such file");
		Path scenarios = dir.resolve("s.json");
		Files.writeString(scenarios, "[{\"name\":\"x\",\"kind\":\"INFLATION_ADJUSTED\"}]");
		assertThat(run("--sales", SAMPLE.toString(), "--scenarios", scenarios.toString(), "--out", results.toString()))
			.isEqualTo(2);
		assertThat(err.toString()).contains("scenarios[0]: INFLATION_ADJUSTED needs a factor");
		Files.writeString(scenarios, "{\"not\":\"a list\"}");
		assertThat(run("--sales", SAMPLE.toString(), "--scenarios", scenarios.toString(), "--out", results.toString()))
			.isEqualTo(2);
		assertThat(err.toString()).contains("--scenarios: not a JSON array");
		assertThat(run("--sales", SAMPLE.toString(), "--scenarios", SCENARIOS.toString(), "--out", results.toString(),
				"--sweep", "1:2"))
			.isEqualTo(2);
		assertThat(err.toString()).contains("--sweep: expected FROM:TO:STEP");
		assertThat(run("--sales", SAMPLE.toString())).isEqualTo(2);
		assertThat(err.toString()).contains("Missing required options");
		assertThat(results).doesNotExist();
	}

	@Test
	void formulaCellsAreDefusedInTheCsv() throws Exception {
		Path csv = dir.resolve("f.csv");
		Files.writeString(csv, "id,channel,recipient,totalValue\n=1+1,FMS,IN,1000\n-2,FMS,IN,1000\n",
				StandardCharsets.UTF_8);
		Path results = dir.resolve("r.csv");
		assertThat(run("--sales", csv.toString(), "--scenarios", SCENARIOS.toString(), "--out", results.toString(),
				"--as-of", "2026-11-25"))
			.isZero();
		List<String> lines = Files.readAllLines(results);
		assertThat(lines.get(1)).startsWith("'=1+1,");
		assertThat(lines.get(2)).startsWith("'-2,");
	}

	@Test
	void helpListsTheOptionsAndExitCodes() {
		assertThat(run("--help")).isZero();
		assertThat(out.toString()).contains("--sales").contains("--break-even").contains("2   bad input");
	}

}
