package org.exportpathways.web;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * The settings: recording switched off (answers carry no decisionId and no Location), and
 * decision reads secured (a reader or an administrator only).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "exportpathways.records.enabled=false", "exportpathways.records.secure-reads=true",
				"exportpathways.data-dir=./target/test-data/settings" })
class RecordingSettingsIntegrationTests {

	@LocalServerPort
	int port;

	@BeforeEach
	void setUp() {
		RestAssured.port = port;
	}

	@Test
	void withRecordingOffAnswersCarryNoRecord() {
		given().contentType(ContentType.JSON)
			.body(DecisionsApiIntegrationTests.fmsIndia(14000000))
			.post("/v1/notifications/evaluations")
			.then()
			.statusCode(200)
			.body("outcome", equalTo("REQUIRED"))
			.body("decisionId", nullValue())
			.header("Location", nullValue());
	}

	@Test
	void securedReadsNeedAReaderOrAnAdministrator() {
		given().get("/v1/decisions")
			.then()
			.statusCode(401)
			.contentType("application/problem+json")
			.body("status", equalTo(401));
		given().post("/v1/decisions/x/replays").then().statusCode(401);
		given().auth().preemptive().basic("reader", "test-reader-secret").get("/v1/decisions").then().statusCode(200);
		given().auth()
			.preemptive()
			.basic("admin", "test-admin-secret")
			.get("/v1/decisions/none")
			.then()
			.statusCode(404)
			.contentType("application/problem+json");
		// the decision operations stay open
		given().contentType(ContentType.JSON)
			.body(DecisionsApiIntegrationTests.fmsIndia(14000000))
			.post("/v1/notifications/evaluations")
			.then()
			.statusCode(200);
	}

}
