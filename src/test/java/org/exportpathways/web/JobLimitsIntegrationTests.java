package org.exportpathways.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.restassured.RestAssured.given;
import static org.exportpathways.web.ApiTestSupport.map;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * The limits of batch jobs, set low: the upload's size, the number of sales (CSV and
 * JSON), and the queue (one more job is refused with 503 and Retry-After).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "exportpathways.limits.job-body-bytes=300000", "exportpathways.limits.job-sales=3000",
				"exportpathways.limits.simulation-body-bytes=200000", "exportpathways.jobs.queue=1" })
class JobLimitsIntegrationTests {

	static final String JOBS = "/v1/notifications/simulations/jobs";

	static final String SCENARIOS = "[{\"name\":\"law\",\"kind\":\"STATUTORY\"}]";

	@LocalServerPort
	int port;

	@BeforeEach
	void setUp() {
		RestAssured.port = port;
	}

	static byte[] csv(int sales) {
		StringBuilder csv = new StringBuilder("id,channel,recipient,asOf,totalValue\n");
		for (int i = 0; i < sales; i++) {
			csv.append('s').append(i).append(",FMS,IN,2025-06-02,").append(1_000_000L * (1 + i % 400)).append('\n');
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

	@Test
	void anUploadOverTheJobBodyLimitIs413NamingTheSetting() {
		given().multiPart("sales", "s.csv", csv(12000), "text/csv")
			.multiPart("scenarios", SCENARIOS, "application/json")
			.post(JOBS)
			.then()
			.statusCode(413)
			.contentType("application/problem+json")
			.body("detail", containsString("exportpathways.limits.job-body-bytes"));
	}

	@Test
	void aChunkedSynchronousUploadOverItsLimitIs413Too() {
		// byte-array parts go chunked: the container parses them up to the job's limit,
		// the
		// synchronous limit is checked on the part
		given().multiPart("sales", "s.csv", csv(7000), "text/csv")
			.multiPart("scenarios", SCENARIOS, "application/json")
			.post("/v1/notifications/simulations")
			.then()
			.statusCode(413)
			.contentType("application/problem+json")
			.body("detail", containsString("exportpathways.limits.simulation-body-bytes"));
	}

	@Test
	void moreSalesThanTheJobLimitAre413CsvOrJson() {
		given().multiPart("sales", "s.csv", csv(3001), "text/csv")
			.multiPart("scenarios", SCENARIOS, "application/json")
			.post(JOBS)
			.then()
			.statusCode(413)
			.body("detail", containsString("exportpathways.limits.job-sales"))
			.body("errors[0].field", equalTo("sales"));
		List<Map<String, Object>> sales = new ArrayList<>();
		for (int i = 0; i < 3001; i++) {
			sales.add(map("id", "s" + i, "channel", "FMS", "recipient", "IN", "totalValue", 5));
		}
		given().contentType(ContentType.JSON)
			.body(map("sales", sales, "scenarios", List.of(map("name", "law", "kind", "STATUTORY"))))
			.post(JOBS)
			.then()
			.statusCode(413)
			.body("detail", containsString("exportpathways.limits.job-sales"));
	}

	@Test
	void oneJobMoreThanTheQueueIsRefusedWith503AndRetryAfter() {
		String analysis = "{\"breakEven\":true,\"sweep\":{\"from\":0.5,\"to\":2.5,\"step\":0.01}}";
		String first = given().multiPart("sales", "s.csv", csv(3000), "text/csv")
			.multiPart("scenarios", SCENARIOS, "application/json")
			.multiPart("analysis", analysis, "application/json")
			.post(JOBS)
			.then()
			.statusCode(202)
			.extract()
			.header("Location");
		try {
			given().multiPart("sales", "s.csv", csv(10), "text/csv")
				.multiPart("scenarios", SCENARIOS, "application/json")
				.post(JOBS)
				.then()
				.statusCode(503)
				.header("Retry-After", notNullValue())
				.body("detail", containsString("exportpathways.jobs.queue"));
		}
		finally {
			given().delete(first);
		}
	}

}
