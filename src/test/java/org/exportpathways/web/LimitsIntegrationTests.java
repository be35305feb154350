package org.exportpathways.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
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
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/**
 * Hostile input: every limit refused fast with a problem naming it, strict types, the
 * problem responses of the container, the security headers and the actuator surface.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LimitsIntegrationTests {

	static final String EVALUATIONS = "/v1/notifications/evaluations";

	static final String SIMULATIONS = "/v1/notifications/simulations";

	static final String SCREENINGS = "/v1/transfers/screenings";

	@LocalServerPort
	int port;

	@BeforeEach
	void setUp() {
		RestAssured.port = port;
	}

	static ValidatableResponse post(String path, String json) {
		return given().contentType(ContentType.JSON).body(json).post(path).then();
	}

	static ValidatableResponse limit(ValidatableResponse r, int status, String field, String setting) {
		return problem(r, status, field).body("type", equalTo("/problems/limit-exceeded"))
			.body("detail", containsString(setting))
			.time(org.hamcrest.Matchers.lessThan(5000L));
	}

	@Test
	void aHugeExponentIsRefusedAtOnceNeverFormatted() {
		limit(post(EVALUATIONS, "{\"channel\":\"FMS\",\"recipient\":\"DE\",\"totalValue\":1e100000000}"), 400,
				"totalValue", "exportpathways.limits.integer-digits");
		limit(post(EVALUATIONS,
				"{\"channel\":\"FMS\",\"recipient\":\"DE\",\"totalValue\":1,\"scenario\":{\"kind\":\"INFLATION_ADJUSTED\",\"factor\":1e1000000}}"),
				400, "scenario.factor", "exportpathways.limits.integer-digits");
		limit(post(EVALUATIONS, "{\"channel\":\"FMS\",\"recipient\":\"DE\",\"totalValue\":1e-1000000}"), 400,
				"totalValue", "exportpathways.limits.decimals");
		limit(post(EVALUATIONS, "{\"channel\":\"FMS\",\"recipient\":\"DE\",\"totalValue\":" + "9".repeat(40) + "}"),
				400, "$", "exportpathways.limits.number-length");
	}

	@Test
	void bodiesOverTheirEndpointsLimitAre413() {
		String big = "{\"channel\":\"FMS\",\"recipient\":\"DE\",\"id\":\"" + "a".repeat(300_000) + "\"}";
		limit(post(EVALUATIONS, big), 413, "$", "exportpathways.limits.body-bytes").body("detail",
				not(containsString("aaaa")));
	}

	@Test
	void aChunkedBodyIsCountedAsItIsRead() throws Exception {
		String big = "{\"channel\":\"DCS\",\"recipient\":\"DE\",\"usmlCategories\":[" + "\"I\",".repeat(100_000)
				+ "\"I\"]}";
		HttpResponse<String> r = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + EVALUATIONS))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big.getBytes())))
				.timeout(Duration.ofSeconds(20))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(r.statusCode()).isEqualTo(413);
		assertThat(r.body()).contains("exportpathways.limits.body-bytes");
	}

	@Test
	void nestingAndStringLengthAreLimited() {
		limit(post(EVALUATIONS, "{\"a\":".repeat(100) + "1" + "}".repeat(100)), 400, "$",
				"exportpathways.limits.json-depth");
		limit(post(EVALUATIONS, "{\"channel\":\"FMS\",\"recipient\":\"" + "A".repeat(20_000) + "\"}"), 400, "$",
				"exportpathways.limits.string-length");
	}

	@Test
	void itemsSalesAndScenariosAreCountedBeforeValidation() {
		StringBuilder items = new StringBuilder("{\"destination\":\"DE\",\"channel\":\"DCS\",\"items\":[");
		for (int i = 0; i <= 1000; i++) {
			items.append((i > 0) ? "," : "").append("{\"id\":\"i").append(i).append("\",\"ear99\":true}");
		}
		limit(post(SCREENINGS, items.append("]}").toString()), 413, "items", "exportpathways.limits.screening-items");
		StringBuilder sales = new StringBuilder("{\"sales\":[");
		for (int i = 0; i <= 20_000; i++) {
			sales.append((i > 0) ? "," : "").append("{\"id\":\"").append(i).append("\",\"channel\":\"FMS\"}");
		}
		limit(post(SIMULATIONS, sales.append("],\"scenarios\":[{\"name\":\"a\",\"kind\":\"STATUTORY\"}]}").toString()),
				413, "sales", "exportpathways.limits.simulation-sales")
			.body("errors[0].message", containsString("batch jobs"));
		StringBuilder scenarios = new StringBuilder(
				"{\"sales\":[{\"id\":\"a\",\"channel\":\"FMS\",\"recipient\":\"DE\"}],\"scenarios\":[");
		for (int i = 0; i <= 20; i++) {
			scenarios.append((i > 0) ? "," : "").append("{\"name\":\"s").append(i).append("\",\"kind\":\"STATUTORY\"}");
		}
		limit(post(SIMULATIONS, scenarios.append("]}").toString()), 413, "scenarios",
				"exportpathways.limits.simulation-scenarios");
	}

	@Test
	void typesAreStrict() {
		problem(post(EVALUATIONS, "{\"channel\":\"FMS\",\"recipient\":\"DE\",\"emergency\":2}"), 400, "emergency");
		problem(post(SIMULATIONS,
				"{\"sales\":[{\"id\":7,\"channel\":\"FMS\",\"recipient\":\"DE\"}],\"scenarios\":[{\"name\":\"a\",\"kind\":\"STATUTORY\"}]}"),
				400, "sales[0].id");
		problem(post(EVALUATIONS, "{\"channel\":\"FMS\",\"recipient\":\"DE\",\"asOf\":\"+10000-01-01\"}"), 400, "asOf");
		problem(given().get("/v1/countries/DE?asOf=%2B10000-01-01").then(), 400, "asOf");
		problem(post(EVALUATIONS, "{\"channel\":\"FMS\",\"recipient\":\"DE\",\"newSalesTerritory\":[\"DE\",\"DE\"]}"),
				400, "newSalesTerritory")
			.body("errors[0].message", containsString("unique"));
		problem(post(EVALUATIONS, "{\"channel\":\"DCS\",\"recipient\":\"DE\",\"usmlCategories\":[\"I\",\"I\"]}"), 400,
				"usmlCategories");
	}

	@Test
	void everyFieldErrorIsListedWithoutEchoingTheInput() {
		StringBuilder sales = new StringBuilder("{\"sales\":[");
		for (int i = 0; i < 150; i++) {
			sales.append((i > 0) ? "," : "").append("{\"id\":\"\",\"channel\":\"FMS\",\"recipient\":\"EchoMe\"}");
		}
		post(SIMULATIONS, sales.append("],\"scenarios\":[{\"name\":\"a\",\"kind\":\"STATUTORY\"}]}").toString())
			.statusCode(400)
			.body("type", equalTo("/problems/invalid-request"))
			.body("errors", hasSize(100))
			.body("detail", containsString("300 problems"))
			.body(not(containsString("EchoMe")));
		post(EVALUATIONS, "{\"channel\":\"EchoMe\",\"recipient\":\"DE\"}").statusCode(400)
			.body(not(containsString("EchoMe")))
			.body(not(containsString("Dto")));
		post(EVALUATIONS, "{\"channel\":\"FMS\",\"recipient\":\"DE\",\"EchoMe\":1}").statusCode(400)
			.body("errors[0].field", equalTo("EchoMe"));
	}

	@Test
	void theContainersOwnErrorsAreProblemsToo() throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		for (String path : List.of("/v1/countries/%00", "/error", "/nothing-here", "/v1/countries/D%00E")) {
			HttpResponse<String> r = client.send(
					HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(r.statusCode()).as(path).isBetween(400, 499);
			assertThat(r.headers().firstValue("Content-Type")).as(path)
				.hasValueSatisfying((c) -> assertThat(c).startsWith("application/problem+json"));
			assertThat(r.body()).as(path).contains("\"type\":\"/problems/").doesNotContain("<html");
			assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
		}
		given().request("TRACE", "/v1/countries/DE")
			.then()
			.statusCode(405)
			.contentType("application/problem+json")
			.body("type", equalTo("/problems/method-not-allowed"));
		given().delete("/v1/countries/DE").then().statusCode(405).contentType("application/problem+json");
		given().contentType("text/plain")
			.body("x")
			.post(EVALUATIONS)
			.then()
			.statusCode(415)
			.contentType("application/problem+json")
			.body("type", equalTo("/problems/unsupported-media-type"))
			.body(not(containsString("text/plain")));
		given().accept("text/html").get("/v1/countries/DE").then().statusCode(406);
		HttpResponse<String> multipart = client
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + SIMULATIONS))
				.header("Content-Type", "multipart/form-data; boundary=x")
				.POST(HttpRequest.BodyPublishers.ofString("--x\r\nbroken"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(multipart.statusCode()).isEqualTo(400);
		assertThat(multipart.body()).contains("\"type\":\"/problems/");
	}

	@Test
	void problemTypesResolveToTheirDocumentation() {
		for (String kind : List.of("invalid-request", "malformed-body", "limit-exceeded", "unprocessable", "not-found",
				"method-not-allowed", "unsupported-media-type", "not-acceptable", "busy", "bad-request",
				"internal-error")) {
			given().get("/problems/" + kind)
				.then()
				.statusCode(200)
				.contentType(ContentType.HTML)
				.body(containsString("/problems/" + kind));
		}
	}

	@Test
	void everyResponseCarriesTheSecurityHeaders() {
		for (String path : List.of("/v1/countries/DE", "/swagger-ui/index.html", "/openapi.yaml", "/problems",
				"/actuator/health", "/nothing-here")) {
			given().get(path)
				.then()
				.header("X-Content-Type-Options", "nosniff")
				.header("X-Frame-Options", "DENY")
				.header("Referrer-Policy", "no-referrer")
				.header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
		}
		// CORS is off: a cross-origin preflight is not granted
		given().header("Origin", "https://elsewhere.example")
			.header("Access-Control-Request-Method", "POST")
			.options(EVALUATIONS)
			.then()
			.header("Access-Control-Allow-Origin", org.hamcrest.Matchers.nullValue());
	}

	@Test
	void actuatorShowsHealthWithoutDetailsInfoAndMetrics() {
		given().get("/actuator/health")
			.then()
			.statusCode(200)
			.body("status", equalTo("UP"))
			.body(not(containsString("diskSpace")))
			.body(not(containsString("path")));
		given().auth()
			.preemptive()
			.basic("actuator", "test-actuator")
			.get("/actuator/health")
			.then()
			.statusCode(200)
			.body("components.ruleBundle.status", equalTo("UP"));
		given().auth().preemptive().basic("actuator", "wrong").get("/actuator/health").then().statusCode(401);
		given().get("/actuator/info")
			.then()
			.statusCode(200)
			.body("versions.api", equalTo("1.1.0"))
			.body("versions.rules", startsWith("1."))
			.body("versions.app", not(org.hamcrest.Matchers.emptyString()));
		post(EVALUATIONS, "{\"channel\":\"FMS\",\"recipient\":\"DE\",\"asOf\":\"2026-11-25\",\"totalValue\":1}")
			.statusCode(200);
		given().get("/actuator/prometheus")
			.then()
			.statusCode(200)
			.body(containsString("exportpathways_decisions_seconds_bucket{"))
			.body(containsString("regime=\"notification\""));
	}

	@Test
	void simulationsCannotStarveSingleDecisions() throws Exception {
		StringBuilder sales = new StringBuilder("{\"sales\":[");
		for (int i = 0; i < 3000; i++) {
			sales.append((i > 0) ? "," : "")
				.append("{\"id\":\"")
				.append(i)
				.append("\",\"channel\":\"FMS\",\"recipient\":\"IN\",\"asOf\":\"2026-11-25\",\"totalValue\":")
				.append(i * 10000)
				.append(",\"majorDefenseEquipmentValue\":0,\"designAndConstructionValue\":0}");
		}
		String batch = sales.append("],\"scenarios\":[{\"name\":\"a\",\"kind\":\"STATUTORY\"},")
			.append("{\"name\":\"b\",\"kind\":\"INFLATION_ADJUSTED\",\"factor\":1.5}]}")
			.toString();
		ExecutorService pool = Executors.newFixedThreadPool(6);
		try {
			CountDownLatch go = new CountDownLatch(1);
			List<Future<Integer>> simulations = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				simulations.add(pool.submit(() -> {
					go.await();
					return given().contentType(ContentType.JSON)
						.body(batch)
						.post(SIMULATIONS)
						.then()
						.extract()
						.statusCode();
				}));
			}
			go.countDown();
			Thread.sleep(300);
			long worst = 0;
			for (int i = 0; i < 20; i++) {
				long start = System.nanoTime();
				post(EVALUATIONS, "{\"channel\":\"FMS\",\"recipient\":\"DE\",\"asOf\":\"2026-11-25\",\"totalValue\":1}")
					.statusCode(200);
				worst = Math.max(worst, (System.nanoTime() - start) / 1_000_000);
			}
			List<Integer> codes = new ArrayList<>();
			for (Future<Integer> f : simulations) {
				codes.add(f.get());
			}
			System.out.printf("Single decisions beside 6 simulations: worst %d ms; simulation answers %s%n", worst,
					codes);
			assertThat(codes).allMatch((c) -> c == 200 || c == 503);
			assertThat(codes).contains(200);
		}
		finally {
			pool.shutdownNow();
		}
		given().contentType(ContentType.JSON)
			.body(Map.of())
			.post(SIMULATIONS)
			.then()
			.statusCode(400)
			.body("errors.size()", greaterThanOrEqualTo(2));
	}

}
