package org.exportpathways.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.exportpathways.web.ApiTestSupport.problem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * Safe rule-bundle updates through the admin API: credentials, a candidate checked before
 * it is kept (422 naming file, line and case), its impact on recorded decisions, an
 * atomic activation under concurrent load, the audit, and rollback. Its own context: it
 * changes the active bundle.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "exportpathways.data-dir=./target/test-data/admin")
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminApiIntegrationTests {

	@LocalServerPort
	int port;

	@BeforeEach
	void setUp() {
		RestAssured.port = port;
	}

	static RequestSpecification admin() {
		return given().auth().preemptive().basic("admin", "test-admin-secret");
	}

	static Response upload(byte[] zip) {
		return admin().contentType("application/zip").body(zip).post("/admin/bundles");
	}

	@Test
	@Order(1)
	void theAdminApiNeedsAnAdministrator() {
		given().get("/admin/bundles")
			.then()
			.statusCode(401)
			.contentType("application/problem+json")
			.header("WWW-Authenticate", startsWith("Basic"))
			.body("status", equalTo(401));
		given().auth()
			.preemptive()
			.basic("admin", "wrong")
			.contentType("application/zip")
			.body(new byte[] { 1 })
			.post("/admin/bundles")
			.then()
			.statusCode(401)
			.contentType("application/problem+json");
		given().auth()
			.preemptive()
			.basic("reader", "test-reader-secret")
			.get("/admin/bundles")
			.then()
			.statusCode(403)
			.contentType("application/problem+json")
			.body("status", equalTo(403));
		given().post("/admin/bundles/x/activate").then().statusCode(401);
		// the decision API stays open by default
		given().get("/v1/decisions").then().statusCode(200);
	}

	@Test
	@Order(2)
	void aCandidateThatIsNotAZipOfTheRulesTreeIsABadRequest() {
		problem(upload("not a zip".getBytes()).then(), 400, "$");
		problem(upload(new byte[0]).then(), 400, "$");
		problem(upload(BundleZips.entries(Map.of("../escape.drl", "x"))).then(), 400, "$");
		problem(upload(BundleZips.entries(Map.of("rules/README.md", "no bundle.yaml"))).then(), 400, "$");
		admin().contentType(ContentType.JSON)
			.body("{}")
			.post("/admin/bundles")
			.then()
			.statusCode(415)
			.contentType("application/problem+json");
		// the packaged bundle itself, uploaded: checked and kept, under the active
		// version
		String active = admin().get("/admin/bundles").path("active");
		upload(BundleZips.zip(Map.of())).then().statusCode(201).body("rulesetVersion", equalTo(active));
	}

	@Test
	@Order(3)
	void aCandidateThatDoesNotCompileIsRefusedNamingFileAndLine() {
		String active = admin().get("/admin/bundles").path("active");
		upload(BundleZips.zip(Map.of("congressional-notification/30-decision.drl",
				(s) -> s + "\nrule \"Broken\"\n  when\n    this is not DRL\n  then\nend\n")))
			.then()
			.statusCode(422)
			.contentType("application/problem+json")
			.body("errors.field", hasItem(startsWith("rules/congressional-notification/30-decision.drl:")))
			.body("detail", containsString("does not load"));
		admin().get("/admin/bundles").then().body("active", equalTo(active));
	}

	@Test
	@Order(4)
	void aCandidateWhoseTablesDoNotLoadIsRefusedNamingTheFile() {
		upload(BundleZips.zip(Map.of(BundleZips.MDE, (s) -> s.replace("values:", "valuez:")))).then()
			.statusCode(422)
			.body("errors.field", hasItem(containsString("major-defense-equipment.yaml")));
	}

	@Test
	@Order(5)
	void aCandidateThatFailsItsOwnCasesIsRefusedNamingFileLineAndCase() {
		upload(BundleZips.zip(Map.of("congressional-notification/cases/dcs.yaml",
				(s) -> s.replaceFirst("outcome: REQUIRED", "outcome: NOT_REQUIRED"))))
			.then()
			.statusCode(422)
			.body("detail", containsString("fails its own cases"))
			.body("errors.field", hasItem(startsWith("rules/congressional-notification/cases/dcs.yaml:")))
			.body("errors.message", hasItem(containsString("case 'A DCS license to India for MDE of exactly $14M")));
	}

	@Test
	@Order(6)
	void unknownVersionsAreNotFound() {
		problem(admin().contentType(ContentType.JSON)
			.body("{}")
			.post("/admin/bundles/9.9.9+sha256.000000000000/impact")
			.then(), 404, "version");
		problem(admin().post("/admin/bundles/9.9.9+sha256.000000000000/activate").then(), 404, "version");
		problem(admin().post("/admin/bundles/9.9.9+sha256.000000000000/rollback").then(), 404, "version");
		String active = admin().get("/admin/bundles").path("active");
		problem(admin().post("/admin/bundles/" + active + "/rollback").then(), 409, "version");
		problem(admin().contentType(ContentType.JSON)
			.body(Map.of("from", "2026-01-02T00:00:00Z", "to", "2026-01-01T00:00:00Z"))
			.post("/admin/bundles/" + active + "/impact")
			.then(), 400, "to");
		problem(admin().contentType(ContentType.JSON)
			.body(Map.of("last", 0))
			.post("/admin/bundles/" + active + "/impact")
			.then(), 400, "last");
	}

	@Test
	@Order(7)
	void aCandidateIsMeasuredActivatedUnderLoadAuditedAndRolledBack() throws Exception {
		String before = admin().get("/admin/bundles").path("active");
		// a decision the candidate will change, recorded under the active bundle
		Response old = given().contentType(ContentType.JSON)
			.body(BundleZips.CHANGED_BY_CANDIDATE)
			.post("/v1/notifications/evaluations");
		old.then().statusCode(200).body("outcome", equalTo("REQUIRED")).body("rulesetVersion", equalTo(before));
		String oldId = old.path("decisionId");

		Response up = upload(BundleZips.raisedMdeThreshold());
		up.then()
			.statusCode(201)
			.header("Location", containsString("/admin/bundles/"))
			.body("rulesetVersion", not(equalTo(before)))
			.body("cases", greaterThan(100))
			.body("rules", greaterThan(100))
			.body("uploadedBy", equalTo("admin"));
		String candidate = up.path("rulesetVersion");
		// uploading changes nothing for clients
		given().contentType(ContentType.JSON)
			.body(BundleZips.CHANGED_BY_CANDIDATE)
			.post("/v1/notifications/evaluations")
			.then()
			.body("rulesetVersion", equalTo(before));

		Response impact = admin().contentType(ContentType.JSON)
			.body(Map.of("last", 50))
			.post("/admin/bundles/" + candidate + "/impact");
		impact.then()
			.statusCode(200)
			.body("candidateVersion", equalTo(candidate))
			.body("activeVersion", equalTo(before))
			.body("changed", greaterThan(0));
		List<Map<String, Object>> kinds = impact.path("kinds");
		Map<String, Object> evaluations = kinds.stream()
			.filter((k) -> k.get("kind").equals("evaluateNotification"))
			.findFirst()
			.orElseThrow();
		assertThat((List<Map<String, Object>>) evaluations.get("changes"))
			.anySatisfy((c) -> assertThat(c).containsEntry("decisionId", oldId)
				.containsEntry("from", "REQUIRED")
				.containsEntry("to", "NOT_REQUIRED"));

		// activation under concurrent load: no request fails, each answer's outcome is
		// the one
		// its rulesetVersion gives
		AtomicBoolean stop = new AtomicBoolean();
		ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
		ConcurrentLinkedQueue<String> versions = new ConcurrentLinkedQueue<>();
		List<Thread> load = new ArrayList<>();
		for (int t = 0; t < 6; t++) {
			Thread th = new Thread(() -> {
				while (!stop.get()) {
					Response r = given().contentType(ContentType.JSON)
						.body(BundleZips.CHANGED_BY_CANDIDATE)
						.post("/v1/notifications/evaluations");
					if (r.statusCode() != 200) {
						failures.add(r.statusCode() + " " + r.asString());
						continue;
					}
					String v = r.path("rulesetVersion");
					String outcome = r.path("outcome");
					versions.add(v);
					String expected = v.equals(candidate) ? "NOT_REQUIRED" : v.equals(before) ? "REQUIRED" : "?";
					if (!expected.equals(outcome)) {
						failures.add(v + " answered " + outcome);
					}
				}
			});
			th.start();
			load.add(th);
		}
		Thread.sleep(1500);
		Response activated = admin().post("/admin/bundles/" + candidate + "/activate");
		Thread.sleep(1500);
		stop.set(true);
		for (Thread th : load) {
			th.join();
		}
		activated.then()
			.statusCode(200)
			.body("action", equalTo("ACTIVATE"))
			.body("fromVersion", equalTo(before))
			.body("toVersion", equalTo(candidate))
			.body("by", equalTo("admin"))
			.body("at", notNullValue())
			.body("impact", containsString("outcomes change"));
		assertThat(failures).as("failed or inconsistent answers during activation").isEmpty();
		assertThat(versions).contains(before, candidate);
		given().contentType(ContentType.JSON)
			.body(BundleZips.CHANGED_BY_CANDIDATE)
			.post("/v1/notifications/evaluations")
			.then()
			.body("rulesetVersion", equalTo(candidate))
			.body("outcome", equalTo("NOT_REQUIRED"));
		given().auth()
			.preemptive()
			.basic("actuator", "test-actuator")
			.get("/actuator/health")
			.then()
			.body("components.ruleBundle.details.rulesetVersion", equalTo(candidate));

		// the old record replays under the new bundle, and says what changed
		given().post("/v1/decisions/" + oldId + "/replays")
			.then()
			.statusCode(200)
			.body("recordedRulesetVersion", equalTo(before))
			.body("rulesetVersion", equalTo(candidate))
			.body("recordedOutcome", equalTo("REQUIRED"))
			.body("outcome", equalTo("NOT_REQUIRED"))
			.body("outcomeChanged", equalTo(true))
			.body("findingsAdded.ruleId", not(org.hamcrest.Matchers.empty()))
			.body("findingsRemoved.ruleId", not(org.hamcrest.Matchers.empty()));

		Response back = admin().post("/admin/bundles/" + candidate + "/rollback");
		back.then()
			.statusCode(200)
			.body("action", equalTo("ROLLBACK"))
			.body("fromVersion", equalTo(candidate))
			.body("toVersion", equalTo(before));
		given().contentType(ContentType.JSON)
			.body(BundleZips.CHANGED_BY_CANDIDATE)
			.post("/v1/notifications/evaluations")
			.then()
			.body("rulesetVersion", equalTo(before))
			.body("outcome", equalTo("REQUIRED"));

		Response list = admin().get("/admin/bundles");
		list.then()
			.statusCode(200)
			.body("active", equalTo(before))
			.body("candidates.rulesetVersion", hasItem(candidate))
			.body("activations[0].action", equalTo("ROLLBACK"))
			.body("activations[1].action", equalTo("ACTIVATE"))
			.body("activations[1].toVersion", equalTo(candidate));
	}

}
