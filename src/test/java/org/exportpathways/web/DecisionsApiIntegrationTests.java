package org.exportpathways.web;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.exportpathways.web.ApiTestSupport.map;
import static org.exportpathways.web.ApiTestSupport.problem;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Every decision is recorded before it is answered, carries its {@code decisionId} and
 * {@code Location}, and can be read, searched and replayed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DecisionsApiIntegrationTests {

	@LocalServerPort
	int port;

	@BeforeEach
	void setUp() {
		RestAssured.port = port;
	}

	static Map<String, Object> fmsIndia(long mde) {
		return map("channel", "FMS", "recipient", "IN", "asOf", "2026-11-25", "majorDefenseEquipmentValue", mde,
				"totalValue", 42000000, "designAndConstructionValue", 0, "newSalesTerritory", List.of());
	}

	static Response post(String path, Object body) {
		return given().contentType(ContentType.JSON).body(body).post(path);
	}

	@Test
	void anEvaluationIsRecordedAndCanBeReadBack() {
		Response r = post("/v1/notifications/evaluations", fmsIndia(14000000));
		r.then()
			.statusCode(200)
			.body("decisionId", matchesPattern("[0-9a-f-]{36}"))
			.header("Location", matchesPattern(".*/v1/decisions/[0-9a-f-]{36}"));
		String id = r.path("decisionId");
		assertThat(r.header("Location")).endsWith("/v1/decisions/" + id);
		given().get("/v1/decisions/" + id)
			.then()
			.statusCode(200)
			.body("decisionId", equalTo(id))
			.body("kind", equalTo("evaluateNotification"))
			.body("outcome", equalTo("REQUIRED"))
			.body("country", equalTo("IN"))
			.body("asOf", equalTo("2026-11-25"))
			.body("rulesetVersion", equalTo(r.path("rulesetVersion")))
			.body("receivedAt", notNullValue())
			.body("request.majorDefenseEquipmentValue", equalTo(14000000))
			.body("response.outcome", equalTo("REQUIRED"))
			.body("response.decisionId", equalTo(id))
			.body("response.findings.ruleId", not(empty()));
	}

	@Test
	void everyDecisionOperationIsRecordedUnderItsKind() throws Exception {
		String screening = java.nio.file.Files
			.readString(java.nio.file.Path.of("samples/screenTransfer/prohibited-itar-russia.json"));
		String qualification = java.nio.file.Files
			.readString(java.nio.file.Path.of("samples/qualifySource/qualifying-country-end-product-germany.json"));
		String simulation = java.nio.file.Files
			.readString(java.nio.file.Path.of("samples/simulateNotifications/fms-2022-2024.json"));
		Map<String, String[]> calls = Map.of("screenTransfer", new String[] { "/v1/transfers/screenings", screening },
				"qualifySource", new String[] { "/v1/sources/qualifications", qualification }, "simulateNotifications",
				new String[] { "/v1/notifications/simulations", simulation });
		for (Map.Entry<String, String[]> c : calls.entrySet()) {
			Response r = post(c.getValue()[0], c.getValue()[1]);
			r.then().statusCode(200).header("Location", notNullValue());
			String id = r.path("decisionId");
			given().get("/v1/decisions/" + id)
				.then()
				.statusCode(200)
				.body("kind", equalTo(c.getKey()))
				.body("response.rulesetVersion", equalTo(r.path("rulesetVersion")))
				.body("asOf", notNullValue());
		}
		// the screening's outcome and destination are searchable
		given().queryParam("kind", "screenTransfer")
			.queryParam("outcome", "PROHIBITED")
			.queryParam("country", "RU")
			.get("/v1/decisions")
			.then()
			.statusCode(200)
			.body("items", not(empty()))
			.body("items.kind", everyItem(equalTo("screenTransfer")))
			.body("items.country", everyItem(equalTo("RU")))
			.body("items[0]", not(hasKey("request")));
		// a simulation without a top-level asOf records the day it was decided as of, in
		// its request too
		String id = post("/v1/notifications/simulations", simulation).path("decisionId");
		given().get("/v1/decisions/" + id)
			.then()
			.body("request.asOf", equalTo(given().get("/v1/decisions/" + id).path("asOf")));
	}

	@Test
	void refusedRequestsAreNotDecisionsAndAreNotRecorded() {
		post("/v1/notifications/evaluations", map("channel", "FMS")).then()
			.statusCode(400)
			.header("Location", org.hamcrest.Matchers.nullValue())
			.body("$", not(hasKey("decisionId")));
	}

	@Test
	void theListIsNewestFirstFilteredAndPaginatedByCursor() {
		OffsetDateTime start = OffsetDateTime.now().minusSeconds(1);
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			ids.add(post("/v1/notifications/evaluations", fmsIndia(10000000 + i)).path("decisionId"));
		}
		List<String> seen = new ArrayList<>();
		String cursor = null;
		int pages = 0;
		do {
			var req = given().queryParam("kind", "evaluateNotification")
				.queryParam("from", start.toString())
				.queryParam("country", "IN")
				.queryParam("limit", 3);
			if (cursor != null) {
				req = req.queryParam("cursor", cursor);
			}
			Response page = req.get("/v1/decisions");
			page.then().statusCode(200);
			seen.addAll(page.path("items.decisionId"));
			cursor = page.path("nextCursor");
			pages++;
		}
		while (cursor != null && pages < 20);
		List<String> newestFirst = new ArrayList<>(ids);
		java.util.Collections.reverse(newestFirst);
		assertThat(seen).containsSubsequence(newestFirst);
		assertThat(new HashSet<>(seen)).as("no record twice").hasSize(seen.size());
		// outcome filter: all 7 are below $14M MDE with a $42M total: NOT_REQUIRED
		given().queryParam("outcome", "NOT_REQUIRED")
			.queryParam("from", start.toString())
			.get("/v1/decisions")
			.then()
			.body("items.outcome", everyItem(equalTo("NOT_REQUIRED")));
		// a time range in the future holds nothing
		given().queryParam("from", OffsetDateTime.now().plusDays(1).toString())
			.get("/v1/decisions")
			.then()
			.statusCode(200)
			.body("items", empty())
			.body("nextCursor", org.hamcrest.Matchers.nullValue());
	}

	@Test
	void badSearchesAndUnknownIdsAreProblems() {
		problem(given().get("/v1/decisions/no-such-id").then(), 404, "decisionId");
		problem(given().post("/v1/decisions/no-such-id/replays").then(), 404, "decisionId");
		problem(given().queryParam("cursor", "garbage!").get("/v1/decisions").then(), 400, "cursor");
		problem(given().queryParam("limit", 0).get("/v1/decisions").then(), 400, "limit");
		problem(given().queryParam("limit", 501).get("/v1/decisions").then(), 400, "limit");
		problem(given().queryParam("country", "germany").get("/v1/decisions").then(), 400, "country");
		problem(given().queryParam("from", "yesterday").get("/v1/decisions").then(), 400, "from");
	}

	@Test
	void aReplayUnderTheSameBundleChangesNothing() {
		String id = post("/v1/notifications/evaluations", fmsIndia(14000000)).path("decisionId");
		Response replay = given().post("/v1/decisions/" + id + "/replays");
		replay.then()
			.statusCode(200)
			.body("decisionId", equalTo(id))
			.body("kind", equalTo("evaluateNotification"))
			.body("asOf", equalTo("2026-11-25"))
			.body("recordedOutcome", equalTo("REQUIRED"))
			.body("outcome", equalTo("REQUIRED"))
			.body("outcomeChanged", equalTo(false))
			.body("findingsAdded", empty())
			.body("findingsRemoved", empty())
			.body("recordedRulesetVersion", equalTo(replay.path("rulesetVersion")));
		// a replay is not a new decision: no record is added for it
		assertThat((String) replay.path("response.decisionId")).isNull();
	}

	@Test
	void aReplayOfADecisionTakenAsOfTodayKeepsThatDay() {
		Map<String, Object> body = fmsIndia(14000000);
		body.remove("asOf");
		String id = post("/v1/notifications/evaluations", body).path("decisionId");
		String asOf = given().get("/v1/decisions/" + id).path("asOf");
		given().post("/v1/decisions/" + id + "/replays")
			.then()
			.statusCode(200)
			.body("asOf", equalTo(asOf))
			.body("response.asOf", equalTo(asOf));
	}

	@Test
	void concurrentDecisionsGetDistinctRecords() throws Exception {
		Set<String> ids = java.util.concurrent.ConcurrentHashMap.newKeySet();
		List<Thread> threads = new ArrayList<>();
		for (int t = 0; t < 8; t++) {
			Thread th = new Thread(() -> {
				for (int i = 0; i < 10; i++) {
					ids.add(post("/v1/notifications/evaluations", fmsIndia(14000000)).then()
						.statusCode(200)
						.extract()
						.path("decisionId"));
				}
			});
			th.start();
			threads.add(th);
		}
		for (Thread t : threads) {
			t.join();
		}
		assertThat(ids).hasSize(80);
		for (String id : ids) {
			given().get("/v1/decisions/" + id).then().statusCode(200);
		}
	}

}
