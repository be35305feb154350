package org.exportpathways.web.campaign;

import java.nio.file.Path;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The read-only parameter catalog ({@code GET /v1/parameters}, the console's parameter
 * browser): valid against its schema in the contract, values as of the date asked, a bad
 * date refused naming the field, and nothing recorded as a decision.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ParametersContractTests {

	static final Contract CONTRACT = new Contract(Path.of("api/openapi.yaml"));

	@LocalServerPort
	int port;

	@BeforeEach
	void setUp() {
		RestAssured.port = port;
	}

	@Test
	void theCatalogMatchesTheContractAndGivesTheValuesInForceOnTheDate() {
		Response now = given().get("/v1/parameters?asOf=2026-11-25");
		assertThat(now.statusCode()).isEqualTo(200);
		assertThat(now.header("Location")).as("not a decision").isNull();
		JsonNode body = JsonMapper.builder().build().readTree(now.asString());
		assertThat(CONTRACT.violations(body, CONTRACT.schema("ParameterCatalog"))).isEmpty();
		String micro = "parameters.find { it.id == 'procurement/micro-purchase-threshold' }";
		now.then()
			.body(micro + ".value", equalTo(15000))
			.body(micro + ".effectiveFrom", equalTo("2025-10-01"))
			.body("tables.name", hasItem("aeca-nato-plus-5"));
		given().get("/v1/parameters?asOf=2025-09-30")
			.then()
			.statusCode(200)
			.body(micro + ".value", equalTo(10000))
			.body(micro + ".effectiveTo", equalTo("2025-10-01"));
	}

	@Test
	void anImpossibleDateIsRefusedNamingTheField() {
		given().get("/v1/parameters?asOf=2026-02-30")
			.then()
			.statusCode(400)
			.contentType("application/problem+json")
			.body("errors.field", hasItem("asOf"));
	}

}
