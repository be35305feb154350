package org.exportpathways.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.exportpathways.web.ApiTestSupport.map;
import static org.exportpathways.web.ApiTestSupport.problem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * Batch simulation jobs against the real application on a random port: accepted with 202,
 * followed to DONE, results as CSV and JSON equal to the synchronous answer, bad input
 * refused before any job exists, cancel, and many jobs at once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SimulationJobApiIntegrationTests {

	static final String JOBS = "/v1/notifications/simulations/jobs";

	static final Path SAMPLE = Path.of("samples/simulateNotifications/fms-2022-2024.csv");

	static final String ANALYSIS = "{\"breakEven\":true,\"sweep\":{\"from\":1.0,\"to\":2.0,\"step\":0.05}}";

	@LocalServerPort
	int port;

	@BeforeEach
	void setUp() {
		RestAssured.port = port;
	}

	static String scenarios() throws Exception {
		return Files.readString(Path.of("samples/simulateNotifications/scenarios.json"));
	}

	static ExtractableResponse<Response> submitCsv(byte[] csv, String scenarios, String analysis) {
		var spec = given().multiPart("sales", "sales.csv", csv, "text/csv")
			.multiPart("scenarios", scenarios, "application/json")
			.multiPart("asOf", "2026-11-25");
		if (analysis != null) {
			spec = spec.multiPart("analysis", analysis, "application/json");
		}
		return spec.post(JOBS).then().extract();
	}

	static JsonPath awaitEnd(String location) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
		while (true) {
			JsonPath job = given().get(location).then().statusCode(200).extract().jsonPath();
			String state = job.getString("state");
			if (!state.equals("QUEUED") && !state.equals("RUNNING")) {
				return job;
			}
			assertThat(System.nanoTime()).as("job still " + state).isLessThan(deadline);
			Thread.sleep(50);
		}
	}

	@Test
	void aCsvJobRunsToDoneAndItsResultsEqualTheSynchronousAnswer() throws Exception {
		byte[] csv = Files.readAllBytes(SAMPLE);
		ExtractableResponse<Response> accepted = submitCsv(csv, scenarios(), ANALYSIS);
		assertThat(accepted.statusCode()).isEqualTo(202);
		String location = accepted.header("Location");
		assertThat(location).matches(JOBS + "/[0-9a-f-]{36}");
		assertThat(accepted.jsonPath().getString("state")).isIn("QUEUED", "RUNNING", "DONE");
		assertThat(accepted.jsonPath().getLong("total")).isEqualTo(48);

		JsonPath job = awaitEnd(location);
		assertThat(job.getString("state")).isEqualTo("DONE");
		assertThat(job.getLong("processed")).isEqualTo(48);
		assertThat(job.getDouble("percent")).isEqualTo(100.0);
		assertThat(job.getString("results")).isEqualTo(location + "/results");
		assertThat(job.getString("summary")).startsWith("Notification by scenario: \"statutory\"");

		// the same batch, synchronously (a file part, so the upload declares its length)
		JsonPath sync = given().multiPart("sales", SAMPLE.toFile(), "text/csv")
			.multiPart("scenarios", scenarios(), "application/json")
			.multiPart("analysis", ANALYSIS, "application/json")
			.multiPart("asOf", "2026-11-25")
			.post("/v1/notifications/simulations")
			.then()
			.statusCode(200)
			.extract()
			.jsonPath();
		assertThat(job.getMap("totals")).isEqualTo(sync.getMap("totals"));
		assertThat(sync.getList("totals.sweep")).hasSize(21);
		assertThat(sync.getInt("totals.scenarios[0].counts.REQUIRED"))
			.isEqualTo(sync.getInt("scenarios[0].counts.REQUIRED"));
		// bounds: the undetermined may go either way
		assertThat(sync.getLong("totals.scenarios[1].required.max"))
			.isEqualTo(sync.getLong("totals.scenarios[1].counts.REQUIRED")
					+ sync.getLong("totals.scenarios[1].counts.UNDETERMINED"));
		// under a factor of 1.69, 7 sales required by law may leave review: their major
		// defense equipment is unknown, so they become UNDETERMINED, not NOT_REQUIRED
		assertThat(sync.getLong("totals.scenarios[1].leavingReview.count")).isZero();
		assertThat(sync.getLong("totals.scenarios[1].possiblyLeavingReview.count")).isEqualTo(7);
		assertThat(sync.getLong("totals.scenarios[1].possiblyLeavingReview.knownValue")).isEqualTo(750_000_000L);
		assertThat(sync.getLong("totals.scenarios[1].required.min")).isEqualTo(38);
		assertThat(sync.getLong("totals.scenarios[1].required.max")).isEqualTo(48);
		assertThat(sync.getList("totals.scenarios[0].thresholds.threshold.amount")).isNotEmpty();

		// JSON rows: one per sale, in input order, the sync outcomes and break-evens
		JsonPath rows = given().accept(ContentType.JSON)
			.get(location + "/results")
			.then()
			.statusCode(200)
			.contentType(ContentType.JSON)
			.extract()
			.jsonPath();
		assertThat(rows.getList("id")).isEqualTo(sync.getList("scenarios[0].results.id"));
		for (int s = 0; s < 4; s++) {
			assertThat(rows.getList("collect { it.outcomes[" + s + "].outcome }")).as("scenario " + s)
				.isEqualTo(sync.getList("scenarios[" + s + "].results.outcome"));
		}
		assertThat(rows.getList("breakEven.kind")).isEqualTo(sync.getList("breakEvens.kind"));
		assertThat(rows.getList("breakEven.factor")).isEqualTo(sync.getList("breakEvens.factor"));

		// CSV rows: a header and one line per sale
		String text = given().accept("text/csv")
			.get(location + "/results")
			.then()
			.statusCode(200)
			.contentType(startsWith("text/csv"))
			.header("Content-Disposition", containsString("attachment"))
			.extract()
			.asString();
		List<String> lines = text.lines().toList();
		assertThat(lines).hasSize(49);
		assertThat(lines.get(0)).startsWith("id,asOf,statutory.outcome,statutory.reviewPeriodDays,")
			.contains("breakEven.kind,breakEven.factor,breakEven.missing,sweep@1.0,")
			.endsWith(",sweep@2.00");
		assertThat(lines.get(1)).startsWith(rows.getString("id[0]") + ",");
		assertThat(lines.get(1)).contains("," + rows.getString("outcomes[0][0].outcome") + ",");

		// the finished job is recorded
		String record = job.getString("decisionRecord");
		assertThat(record).startsWith("/v1/decisions/");
		given().get(record)
			.then()
			.statusCode(200)
			.body("kind", equalTo("createSimulationJob"))
			.body("outcome", equalTo("DONE"));
	}

	@Test
	void aJsonJobGivesTheSameRows() throws Exception {
		Map<String, Object> body = map("asOf", "2026-11-25", "sales",
				List.of(map("id", "a", "channel", "FMS", "recipient", "IN", "majorDefenseEquipmentValue", 20000000,
						"totalValue", 40000000, "designAndConstructionValue", 0, "newSalesTerritory", List.of()),
						map("id", "b", "channel", "FMS", "recipient", "DE", "totalValue", 90000000,
								"designAndConstructionValue", 0, "newSalesTerritory", List.of())),
				"scenarios",
				List.of(map("name", "law", "kind", "STATUTORY"),
						map("name", "dod", "kind", "INFLATION_ADJUSTED", "factor", 1.69)),
				"analysis", map("breakEven", true));
		String location = given().contentType(ContentType.JSON)
			.body(body)
			.post(JOBS)
			.then()
			.statusCode(202)
			.header("Location", matchesPattern(".*/jobs/[0-9a-f-]{36}"))
			.extract()
			.header("Location");
		JsonPath job = awaitEnd(location);
		assertThat(job.getString("state")).isEqualTo("DONE");
		JsonPath rows = given().get(location + "/results").then().statusCode(200).extract().jsonPath();
		assertThat(rows.getList("id")).containsExactly("a", "b");
		// $20M of MDE to India: required under the law ($14M), not at 1.69 ($23.66M)
		// sale a under each scenario
		assertThat(rows.getList("outcomes[0].outcome")).containsExactly("REQUIRED", "NOT_REQUIRED");
		assertThat(rows.getString("breakEven[0].kind")).isEqualTo("FACTOR");
		// round(14,000,000 x f) > 20,000,000 from f = 1.428572 ($20,000,008)
		assertThat(rows.getString("breakEven[0].factor")).isEqualTo("1.428572");
	}

	@Test
	void badRowsAreRefusedBeforeAnyJobExistsEachNamedByRowAndColumn() throws Exception {
		String csv = "id,channel,recipient,totalValue\na,FMS,IN,1000\nb,FMS,IN,lots\na,FMS,XX,5\n";
		problem(given().multiPart("sales", "s.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
			.multiPart("scenarios", scenarios(), "application/json")
			.post(JOBS)
			.then(), 400, "sales[1].totalValue")
			.body("errors.field", org.hamcrest.Matchers.hasItems("sales[2].id", "sales[2].recipient"))
			.body("errors.find { it.field == 'sales[1].totalValue' }.message", containsString("CSV line 3"));
		// a bad scenario is refused before the file is read
		problem(given().multiPart("sales", "s.csv", Files.readAllBytes(SAMPLE), "text/csv")
			.multiPart("scenarios", "[{\"name\":\"x\",\"kind\":\"INFLATION_ADJUSTED\"}]", "application/json")
			.post(JOBS)
			.then(), 400, "scenarios[0]");
		// a sweep too fine, an empty file, a header with no sales
		problem(given().multiPart("sales", "s.csv", Files.readAllBytes(SAMPLE), "text/csv")
			.multiPart("scenarios", scenarios(), "application/json")
			.multiPart("analysis", "{\"sweep\":{\"from\":1,\"to\":100,\"step\":0.01}}", "application/json")
			.post(JOBS)
			.then(), 400, "analysis.sweep");
		problem(given().multiPart("sales", "s.csv", new byte[0], "text/csv")
			.multiPart("scenarios", scenarios(), "application/json")
			.post(JOBS)
			.then(), 400, "sales");
		problem(given()
			.multiPart("sales", "s.csv", "id,channel,recipient\n".getBytes(StandardCharsets.UTF_8), "text/csv")
			.multiPart("scenarios", scenarios(), "application/json")
			.post(JOBS)
			.then(), 400, "sales");
		problem(given().multiPart("sales", "s.csv", Files.readAllBytes(SAMPLE), "text/csv")
			.multiPart("scenarios", scenarios(), "application/json")
			.multiPart("analysis", "{\"breakEven\":\"sometimes\"}", "application/json")
			.post(JOBS)
			.then(), 400, "analysis.breakEven");
		// a date before the bundle's coverage: 422
		problem(given()
			.multiPart("sales", "s.csv",
					"id,channel,recipient,asOf,totalValue\na,FMS,IN,1900-01-01,5\n".getBytes(StandardCharsets.UTF_8),
					"text/csv")
			.multiPart("scenarios", scenarios(), "application/json")
			.post(JOBS)
			.then(), 422, "sales[0].asOf");
	}

	@Test
	void unknownJobsAre404AndUnfinishedResultsOrFinishedCancelsAre409() throws Exception {
		problem404(given().get(JOBS + "/no-such-job").then());
		problem404(given().delete(JOBS + "/no-such-job").then());
		problem404(given().get(JOBS + "/no-such-job/results").then());
		String location = submitCsv(Files.readAllBytes(SAMPLE), scenarios(), null).header("Location");
		awaitEnd(location);
		given().delete(location)
			.then()
			.statusCode(409)
			.contentType("application/problem+json")
			.body("detail", containsString("DONE"));
	}

	static void problem404(io.restassured.response.ValidatableResponse r) {
		r.statusCode(404).contentType("application/problem+json").body("detail", containsString("no-such-job"));
	}

	@Test
	void aRunningJobCanBeCancelledAndThenHasNoResults() throws Exception {
		StringBuilder csv = new StringBuilder("id,channel,recipient,asOf,majorDefenseEquipmentValue,totalValue\n");
		for (int i = 0; i < 20000; i++) {
			csv.append("s")
				.append(i)
				.append(",FMS,IN,2025-06-01,")
				.append(10_000_000 + i * 1000)
				.append(',')
				.append(60_000_000 + i * 1000)
				.append('\n');
		}
		String location = submitCsv(csv.toString().getBytes(StandardCharsets.UTF_8), scenarios(), ANALYSIS)
			.header("Location");
		given().delete(location).then().statusCode(200).body("state", equalTo("CANCELLED"));
		JsonPath job = awaitEnd(location);
		assertThat(job.getString("state")).isEqualTo("CANCELLED");
		assertThat(job.getLong("processed")).isLessThan(20000);
		given().get(location + "/results").then().statusCode(409).contentType("application/problem+json");
	}

	@Test
	void cellsASpreadsheetWouldRunAsFormulasAreDefused() throws Exception {
		String csv = "id,channel,recipient,totalValue\n\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",FMS,IN,1000\n"
				+ "@SUM(A1),FMS,IN,2000\n+1,FMS,IN,3000\n";
		String location = submitCsv(csv.getBytes(StandardCharsets.UTF_8), scenarios(), null).header("Location");
		assertThat(awaitEnd(location).getString("state")).isEqualTo("DONE");
		List<String> lines = given().accept("text/csv")
			.get(location + "/results")
			.then()
			.statusCode(200)
			.extract()
			.asString()
			.lines()
			.toList();
		assertThat(lines.get(1)).startsWith("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",");
		assertThat(lines.get(2)).startsWith("'@SUM(A1),");
		assertThat(lines.get(3)).startsWith("'+1,");
		// the JSON keeps the ids as given
		assertThat(given().get(location + "/results").then().extract().jsonPath().getList("id"))
			.containsExactly("=HYPERLINK(\"http://x\",\"y\")", "@SUM(A1)", "+1");
	}

	@Test
	void manyJobsAtOnceAllFinishWithTheirOwnTotals() throws Exception {
		byte[] csv = Files.readAllBytes(SAMPLE);
		String scenarios = scenarios();
		ExecutorService clients = Executors.newFixedThreadPool(6);
		try {
			List<Future<JsonPath>> ends = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				int n = i;
				ends.add(clients.submit(() -> {
					// each job a different prefix of the sample
					List<String> lines = new String(csv, StandardCharsets.UTF_8).lines().toList();
					String part = String.join("\n", lines.subList(0, 10 + n * 5)) + "\n";
					ExtractableResponse<Response> r = submitCsv(part.getBytes(StandardCharsets.UTF_8), scenarios, null);
					assertThat(r.statusCode()).isEqualTo(202);
					return awaitEnd(r.header("Location"));
				}));
			}
			for (int i = 0; i < 6; i++) {
				JsonPath job = ends.get(i).get();
				assertThat(job.getString("state")).isEqualTo("DONE");
				assertThat(job.getLong("totals.sales")).isEqualTo(9 + i * 5);
				assertThat(job.getLong("processed")).isEqualTo(9 + i * 5);
			}
		}
		finally {
			clients.shutdownNow();
		}
	}

	@Test
	void theJobIsFollowedWithProgress() throws Exception {
		String location = submitCsv(Files.readAllBytes(SAMPLE), scenarios(), ANALYSIS).header("Location");
		given().get(location)
			.then()
			.statusCode(200)
			.body("jobId", notNullValue())
			.body("total", equalTo(48))
			.body("scenarios", equalTo(List.of("statutory", "dod-inflation-1.69", "cpi-u-to-2024", "fms-tiger-act")))
			.body("asOf", equalTo("2026-11-25"))
			.body("advisory", startsWith("Advisory only"));
		awaitEnd(location);
	}

}
