package org.exportpathways.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The samples are executable: each request under samples/&lt;operationId&gt;/ is posted
 * to the running service and its response compared with the .expected.json beside it (all
 * of it but the ruleset version, which is checked for form). Run with
 * -Dsamples.record=true to rewrite the expected files after a reviewed rule change.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SamplesIntegrationTests {

	static final Path SAMPLES = Path.of("samples");

	static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	static final boolean RECORD = Boolean.getBoolean("samples.record");

	@LocalServerPort
	int port;

	@BeforeEach
	void setUp() {
		RestAssured.port = port;
	}

	@TestFactory
	Stream<DynamicTest> evaluateNotificationSamples() throws IOException {
		return samples("evaluateNotification", "/v1/notifications/evaluations", 9);
	}

	@TestFactory
	Stream<DynamicTest> screenTransferSamples() throws IOException {
		return samples("screenTransfer", "/v1/transfers/screenings", 12);
	}

	@TestFactory
	Stream<DynamicTest> determineJurisdictionSamples() throws IOException {
		return samples("determineJurisdiction", "/v1/jurisdictions/determinations", 8);
	}

	@TestFactory
	Stream<DynamicTest> qualifySourceSamples() throws IOException {
		return samples("qualifySource", "/v1/sources/qualifications", 10);
	}

	/**
	 * One test per request in samples/{folder}, posted to {path} and compared with its
	 * expected response.
	 */
	private Stream<DynamicTest> samples(String folder, String path, int atLeast) throws IOException {
		List<Path> requests = requests(SAMPLES.resolve(folder));
		assertThat(requests).hasSizeGreaterThanOrEqualTo(atLeast);
		return requests.stream()
			.map((req) -> DynamicTest.dynamicTest(req.getFileName().toString(), () -> compare(req, post(path, req))));
	}

	@Test
	void simulationSampleMatchesItsExpectedResponse() throws IOException {
		Path req = SAMPLES.resolve("simulateNotifications/fms-2022-2024.json");
		compare(req, post("/v1/notifications/simulations", req));
	}

	@Test
	void csvUploadOfTheSimulationSampleGivesTheSameAnswerAsItsJson() throws IOException {
		Path dir = SAMPLES.resolve("simulateNotifications");
		String fromCsv = given().multiPart("sales", dir.resolve("fms-2022-2024.csv").toFile(), "text/csv")
			.multiPart("scenarios", Files.readString(dir.resolve("scenarios.json")), "application/json")
			.multiPart("analysis",
					JSON.writeValueAsString(JSON.readTree(dir.resolve("fms-2022-2024.json").toFile()).path("analysis")),
					"application/json")
			.post("/v1/notifications/simulations")
			.then()
			.statusCode(200)
			.extract()
			.asString();
		ObjectNode csv = (ObjectNode) JSON.readTree(fromCsv);
		ObjectNode json = (ObjectNode) JSON
			.readTree(post("/v1/notifications/simulations", dir.resolve("fms-2022-2024.json")));
		// two decisions, two records
		assertThat(csv.path("decisionId").asString()).isNotEqualTo(json.path("decisionId").asString());
		csv.remove("decisionId");
		json.remove("decisionId");
		assertThat(csv).isEqualTo(json);
	}

	static List<Path> requests(Path dir) throws IOException {
		try (Stream<Path> s = Files.list(dir)) {
			return s.filter((p) -> p.toString().endsWith(".json") && !p.toString().endsWith(".expected.json"))
				.sorted()
				.toList();
		}
	}

	static String post(String path, Path request) throws IOException {
		return given().contentType(ContentType.JSON)
			.body(Files.readString(request))
			.post(path)
			.then()
			.statusCode(200)
			.extract()
			.asString();
	}

	static void compare(Path request, String response) throws IOException {
		ObjectNode actual = (ObjectNode) JSON.readTree(response);
		assertThat(actual.path("rulesetVersion").asString()).matches("\\d+\\.\\d+\\.\\d+\\+sha256\\.[0-9a-f]{12}");
		actual.remove("rulesetVersion");
		// every decision is recorded: its id differs on each run
		assertThat(actual.path("decisionId").asString()).matches("[0-9a-f-]{36}");
		actual.remove("decisionId");
		if (actual.get("notification") instanceof ObjectNode n) {
			n.remove("rulesetVersion");
			n.remove("decisionId");
		}
		for (JsonNode item : actual.path("items")) {
			if (item.get("determination") instanceof ObjectNode d) {
				d.remove("rulesetVersion");
			}
		}
		Path expectedFile = request.resolveSibling(request.getFileName().toString().replace(".json", ".expected.json"));
		if (RECORD) {
			Files.writeString(expectedFile, JSON.writeValueAsString(actual) + "\n");
		}
		assertThat(expectedFile).as("expected response beside the sample").exists();
		JsonNode expected = JSON.readTree(expectedFile.toFile());
		assertThat(actual).as(request.toString()).isEqualTo(expected);
	}

}
