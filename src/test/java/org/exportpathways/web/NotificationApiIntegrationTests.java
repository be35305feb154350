package org.exportpathways.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.restassured.RestAssured.given;
import static org.exportpathways.web.ApiTestSupport.map;
import static org.exportpathways.web.ApiTestSupport.problem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** The notifications API against the real application on a random port. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NotificationApiIntegrationTests {

	static final String EVALUATIONS = "/v1/notifications/evaluations";

	static final String SIMULATIONS = "/v1/notifications/simulations";

	@LocalServerPort
	int port;

	@BeforeEach
	void setUp() {
		RestAssured.port = port;
	}

	static ValidatableResponse evaluate(Object body) {
		return given().contentType(ContentType.JSON).body(body).post(EVALUATIONS).then();
	}

	@Nested
	class Evaluations {

		@Test
		void fmsToGermanyAtTheNatoPlus5MdeThresholdIsRequiredWithA15DayReviewAndExplainsWhy() {
			evaluate(map("channel", "FMS", "recipient", "DE", "asOf", "2026-11-25", "majorDefenseEquipmentValue",
					25000000, "totalValue", 25000000, "designAndConstructionValue", 0, "newSalesTerritory", List.of()))
				.statusCode(200)
				.contentType(ContentType.JSON)
				.body("outcome", equalTo("REQUIRED"))
				.body("section", equalTo("36(b)"))
				.body("reviewPeriodDays", equalTo(15))
				.body("recipientGroup", equalTo("NATO_PLUS_5"))
				.body("thresholdTier", equalTo("NATO_PLUS_5"))
				.body("triggeredBy.kind", hasItem("MAJOR_DEFENSE_EQUIPMENT"))
				.body("thresholds.find { it.kind == 'MAJOR_DEFENSE_EQUIPMENT' }.amount", equalTo(25000000))
				.body("findings.ruleId", hasItems("CN-RCP-002", "CN-THR-001", "CN-DEC-011", "CN-REV-001"))
				.body("findings.find { it.ruleId == 'CN-THR-001' }.citation", equalTo("22 U.S.C. 2776(b)(6)(A)"))
				.body("findings.find { it.ruleId == 'CN-THR-001' }.message",
						containsString("$25,000,000 is at or above the NATO+5 threshold of $25,000,000"))
				.body("findings.find { it.ruleId == 'CN-RCP-002' }.effectiveFrom", equalTo("1955-05-06"))
				.body("findings.citation", everyItem(notNullValue()))
				.body("rulesetVersion", matchesPattern("\\d+\\.\\d+\\.\\d+\\+sha256\\.[0-9a-f]{12}"))
				.body("asOf", equalTo("2026-11-25"))
				.body("advisory", startsWith("Advisory only"));
		}

		@Test
		void aThresholdReportsTheDateItTookEffectNotTheCoverageStart() {
			evaluate(map("channel", "FMS", "recipient", "IN", "asOf", "2026-11-25", "majorDefenseEquipmentValue",
					14000000, "totalValue", 14000000, "designAndConstructionValue", 0, "newSalesTerritory", List.of()))
				.statusCode(200)
				.body("thresholds.find { it.tier == 'STANDARD' && it.kind == 'MAJOR_DEFENSE_EQUIPMENT' }.effectiveFrom",
						nullValue())
				.body("thresholds.find { it.tier == 'STANDARD' && it.kind == 'MAJOR_DEFENSE_EQUIPMENT' }.note",
						containsString("In force before the bundle's coverage"))
				.body("findings.find { it.ruleId == 'CN-REV-002' }.effectiveFrom", nullValue());
			// P.L. 107-228 sec. 1405(a)(2), Sept. 30, 2002, set the NATO+5 amounts: that
			// date is reported
			evaluate(map("channel", "FMS", "recipient", "DE", "asOf", "2026-11-25", "majorDefenseEquipmentValue",
					25000000, "totalValue", 25000000, "designAndConstructionValue", 0, "newSalesTerritory", List.of()))
				.statusCode(200)
				.body("thresholds.find { it.tier == 'NATO_PLUS_5' && it.kind == 'MAJOR_DEFENSE_EQUIPMENT' }.effectiveFrom",
						equalTo("2002-09-30"))
				.body("thresholds.find { it.tier == 'NATO_PLUS_5' && it.kind == 'MAJOR_DEFENSE_EQUIPMENT' }.note",
						nullValue());
		}

		@Test
		void withoutAsOfTheDecisionIsMadeAsOfToday() {
			evaluate(map("channel", "MANUFACTURING_AGREEMENT", "recipient", "IN", "significantMilitaryEquipment", true))
				.statusCode(200)
				.body("asOf", matchesPattern("\\d{4}-\\d{2}-\\d{2}"))
				.body("outcome", equalTo("REQUIRED"))
				.body("section", equalTo("36(d)"))
				.body("reviewPeriodDays", equalTo(30));
		}

		@Test
		void anAbsentValueIsUnknownNotZero() {
			evaluate(map("channel", "FMS", "recipient", "IN", "asOf", "2026-11-25", "totalValue", 30000000,
					"designAndConstructionValue", 0))
				.statusCode(200)
				.body("outcome", equalTo("UNDETERMINED"))
				.body("missing", equalTo(List.of("majorDefenseEquipmentValue")));
		}

		@Test
		void theFinlandAccessionDateMovesAFmsSaleIntoTheNatoPlus5Group() {
			Map<String, Object> before = map("channel", "FMS", "recipient", "FI", "asOf", "2023-04-03",
					"majorDefenseEquipmentValue", 20000000, "totalValue", 20000000, "designAndConstructionValue", 0,
					"newSalesTerritory", List.of());
			evaluate(before).statusCode(200)
				.body("outcome", equalTo("REQUIRED"))
				.body("recipientGroup", equalTo("OTHER"));
			before.put("asOf", "2023-04-04");
			evaluate(before).statusCode(200)
				.body("outcome", equalTo("NOT_REQUIRED"))
				.body("recipientGroup", equalTo("NATO_PLUS_5"));
		}

		@Test
		void anInflationAdjustedScenarioReportsTheThresholdsItApplied() {
			evaluate(map("channel", "FMS", "recipient", "IN", "asOf", "2026-11-25", "majorDefenseEquipmentValue",
					20000000, "totalValue", 40000000, "designAndConstructionValue", 0, "scenario",
					Map.of("kind", "INFLATION_ADJUSTED", "factor", 1.69)))
				.statusCode(200)
				.body("outcome", equalTo("NOT_REQUIRED"))
				.body("scenario", equalTo("INFLATION_ADJUSTED"))
				.body("thresholds.find { it.kind == 'MAJOR_DEFENSE_EQUIPMENT' }.amount", equalTo(23660000))
				.body("thresholds.find { it.kind == 'MAJOR_DEFENSE_EQUIPMENT' }.statutoryAmount", equalTo(14000000))
				.body("thresholds.find { it.kind == 'MAJOR_DEFENSE_EQUIPMENT' }.basis", equalTo("statutory x 1.69"));
		}

	}

	@Nested
	class BadInput {

		@Test
		void malformedJsonIsA400ProblemNamingTheBody() {
			problem(given().contentType(ContentType.JSON).body("{\"channel\": \"FMS\",").post(EVALUATIONS).then(), 400,
					"$")
				.body("errors[0].message", startsWith("malformed JSON"));
		}

		@Test
		void aMissingRequiredFieldIsNamed() {
			problem(evaluate(map("recipient", "DE")), 400, "channel");
		}

		@Test
		void aNegativeValueIsNamed() {
			problem(evaluate(map("channel", "FMS", "recipient", "DE", "totalValue", -1)), 400, "totalValue");
		}

		@Test
		void aNonNumericValueIsNamed() {
			problem(evaluate(map("channel", "FMS", "recipient", "DE", "majorDefenseEquipmentValue", "lots")), 400,
					"majorDefenseEquipmentValue")
				.body("errors[0].message", containsString("number"));
		}

		@Test
		void anUnknownCountryCodeIsNamed() {
			problem(evaluate(map("channel", "FMS", "recipient", "ZZ")), 400, "recipient").body("errors[0].message",
					containsString("ISO 3166-1"));
		}

		@Test
		void aLowerCaseCountryCodeIsRefusedNotGuessed() {
			problem(evaluate(map("channel", "FMS", "recipient", "de")), 400, "recipient");
		}

		@Test
		void anUnknownSalesTerritoryCodeIsNamed() {
			problem(evaluate(map("channel", "FMS", "recipient", "DE", "newSalesTerritory", List.of("QQ"))), 400,
					"newSalesTerritory");
		}

		@Test
		void anImpossibleDateIsNamed() {
			problem(evaluate(map("channel", "FMS", "recipient", "DE", "asOf", "2024-02-30")), 400, "asOf")
				.body("errors[0].message", containsString("date"));
		}

		@Test
		void aDateSentAsANumberOrADateTimeIsRefused() {
			problem(evaluate(map("channel", "FMS", "recipient", "DE", "asOf", 20240307)), 400, "asOf");
			problem(evaluate(map("channel", "FMS", "recipient", "DE", "asOf", "2024-03-07T10:00:00Z")), 400, "asOf");
		}

		@Test
		void aNullInsideAListIsRefusedNotA500() {
			problem(evaluate(map("channel", "FMS", "recipient", "DE", "newSalesTerritory",
					java.util.Arrays.asList((Object) null))), 400, "newSalesTerritory[0]");
		}

		@Test
		void aFractionalYearIsRefused() {
			problem(evaluate(map("channel", "FMS", "recipient", "DE", "scenario",
					Map.of("kind", "INFLATION_ADJUSTED", "index", "CPI_U", "toYear", 2024.9))), 400, "scenario.toYear");
		}

		@Test
		void aValueForAnotherChannelIsRefusedNotIgnored() {
			problem(evaluate(map("channel", "DCS", "recipient", "DE", "designAndConstructionValue", 5)), 400,
					"designAndConstructionValue");
		}

		@Test
		void aDateBeforeTheBundleCoverageIsUnprocessable() {
			problem(evaluate(map("channel", "FMS", "recipient", "DE", "asOf", "1999-01-01")), 422, "asOf");
		}

		@Test
		void anUnknownChannelIsNamed() {
			problem(evaluate(map("channel", "WIRE", "recipient", "DE")), 400, "channel");
		}

		@Test
		void anUnknownFieldIsRefusedRatherThanIgnored() {
			problem(evaluate(map("channel", "FMS", "recipient", "DE", "mdeValue", 5)), 400, "mdeValue");
		}

		@Test
		void anInconsistentScenarioIsNamed() {
			problem(evaluate(map("channel", "FMS", "recipient", "DE", "scenario", Map.of("kind", "CUSTOM"))), 400,
					"scenario.thresholds");
		}

		@Test
		void aCpiYearWithoutDataIsUnprocessable() {
			problem(evaluate(map("channel", "FMS", "recipient", "DE", "scenario",
					Map.of("kind", "INFLATION_ADJUSTED", "index", "CPI_U", "toYear", 2031))), 422, "scenario.toYear");
		}

		@Test
		void aWrongContentTypeIsA415Problem() {
			given().contentType(ContentType.TEXT)
				.body("channel=FMS")
				.post(EVALUATIONS)
				.then()
				.statusCode(415)
				.contentType("application/problem+json");
		}

	}

	@Nested
	class Simulations {

		static Map<String, Object> batch() {
			return Map.of("asOf", "2026-11-25", "sales",
					List.of(map("id", "a", "channel", "FMS", "recipient", "IN", "majorDefenseEquipmentValue", 20000000,
							"totalValue", 40000000, "designAndConstructionValue", 0),
							map("id", "b", "channel", "FMS", "recipient", "IN", "asOf", "2024-01-01", "totalValue",
									60000000, "designAndConstructionValue", 0),
							map("id", "c", "channel", "DCS", "recipient", "DE", "majorDefenseEquipmentValue", 1,
									"totalValue", 10, "usmlCategories", List.of("XI"), "newSalesTerritory", List.of())),
					"scenarios", List.of(Map.of("name", "law", "kind", "STATUTORY"),
							Map.of("name", "x1.69", "kind", "INFLATION_ADJUSTED", "factor", 1.69)));
		}

		@Test
		void aBatchIsCountedPerScenarioAndTheChangesAreListed() {
			given().contentType(ContentType.JSON)
				.body(batch())
				.post(SIMULATIONS)
				.then()
				.statusCode(200)
				.body("scenarios.name", equalTo(List.of("law", "x1.69")))
				.body("scenarios[0].counts.REQUIRED", equalTo(2))
				.body("scenarios[0].counts.NOT_REQUIRED", equalTo(1))
				.body("scenarios[0].counts.UNDETERMINED", equalTo(0))
				.body("scenarios[0].results.find { it.id == 'b' }.asOf", equalTo("2024-01-01"))
				.body("scenarios[0].results.find { it.id == 'a' }.asOf", equalTo("2026-11-25"))
				.body("scenarios[1].counts.REQUIRED", equalTo(0))
				.body("changes[0].fromScenario", equalTo("law"))
				.body("changes[0].toScenario", equalTo("x1.69"))
				.body("changes[0].count", equalTo(2))
				.body("changes[0].sales.id", equalTo(List.of("a", "b")))
				.body("changes[0].sales.find { it.id == 'a' }.to", equalTo("NOT_REQUIRED"))
				.body("changes[0].sales.find { it.id == 'b' }.to", equalTo("UNDETERMINED"))
				.body("advisory", startsWith("Advisory only"));
		}

		@Test
		void badSalesInABatchAreNamedByIndex() {
			Map<String, Object> body = new HashMap<>(batch());
			body.put("sales", List.of(map("id", "a", "channel", "FMS", "recipient", "XX"),
					map("id", "a", "channel", "FMS", "recipient", "IN", "totalValue", -3)));
			problem(given().contentType(ContentType.JSON).body(body).post(SIMULATIONS).then(), 400,
					"sales[1].totalValue");
		}

		@Test
		void duplicateIdsAndUnknownCountriesAreNamed() {
			Map<String, Object> body = new HashMap<>(batch());
			body.put("sales", List.of(map("id", "a", "channel", "FMS", "recipient", "XX"),
					map("id", "a", "channel", "FMS", "recipient", "IN")));
			problem(given().contentType(ContentType.JSON).body(body).post(SIMULATIONS).then(), 400,
					"sales[0].recipient")
				.body("errors.field", hasItem("sales[1].id"));
		}

		@Test
		void aBatchWithManyBadSalesListsTheFirstHundredProblems() {
			java.util.List<Object> sales = new java.util.ArrayList<>();
			for (int i = 0; i < 150; i++) {
				sales.add(map("id", "s" + i, "channel", "FMS", "recipient", "QQ"));
			}
			Map<String, Object> body = new HashMap<>(batch());
			body.put("sales", sales);
			problem(given().contentType(ContentType.JSON).body(body).post(SIMULATIONS).then(), 400,
					"sales[99].recipient")
				.body("errors.size()", equalTo(100))
				.body("detail", containsString("150 problems"));
		}

		@Test
		void anEmptyScenarioListIsRefused() {
			Map<String, Object> body = new HashMap<>(batch());
			body.put("scenarios", List.of());
			problem(given().contentType(ContentType.JSON).body(body).post(SIMULATIONS).then(), 400, "scenarios");
		}

		@Test
		void aCsvCellThatIsNotANumberIsNamedWithItsLine() {
			String csv = "id,channel,recipient,totalValue\nA,FMS,DE,12\nB,FMS,DE,abc\n";
			problem(given().multiPart("sales", "sales.csv", csv.getBytes(), "text/csv")
				.multiPart("scenarios", "[{\"name\":\"law\",\"kind\":\"STATUTORY\"}]", "application/json")
				.post(SIMULATIONS)
				.then(), 400, "sales[1].totalValue").body("errors[0].message", containsString("CSV line 3"));
		}

		@Test
		void aCsvWithAnUnknownColumnIsRefused() {
			String csv = "id,channel,recipient,price\nA,FMS,DE,12\n";
			problem(given().multiPart("sales", "sales.csv", csv.getBytes(), "text/csv")
				.multiPart("scenarios", "[{\"name\":\"law\",\"kind\":\"STATUTORY\"}]", "application/json")
				.post(SIMULATIONS)
				.then(), 400, "sales").body("errors[0].message", containsString("price"));
		}

		@Test
		void aCsvUploadWithoutScenariosIsRefused() {
			problem(given().multiPart("sales", "sales.csv", "id,channel,recipient\nA,FMS,DE\n".getBytes(), "text/csv")
				.post(SIMULATIONS)
				.then(), 400, "scenarios");
		}

		@ParameterizedTest(name = "{0}")
		@CsvSource(delimiter = '|',
				textBlock = """
						a column twice                        | id,id,channel,recipient\\nA,B,FMS,DE\\n            | sales
						a required column missing             | id,recipient\\nA,DE\\n                             | sales
						an empty file                         | ''                                              | sales
						a row with too few cells              | id,channel,recipient\\nA,FMS\\n                    | sales[0]
						a row with a trailing comma           | id,channel,recipient\\nA,FMS,DE,\\n                | sales[0]
						a date that does not exist            | id,channel,recipient,asOf\\nA,FMS,DE,2024-02-30\\n  | sales[0].asOf
						a boolean that is neither             | id,channel,recipient,emergency\\nA,FMS,DE,maybe\\n  | sales[0].emergency
						an unknown USML category in a list    | id,channel,recipient,usmlCategories\\nA,DCS,DE,XI;L\\n | sales[0].usmlCategories
						an unknown channel on the second row  | id,channel,recipient\\nA,FMS,DE\\nB,WIRE,DE\\n      | sales[1].channel
						an empty required cell                | id,channel,recipient\\n,FMS,DE\\n                  | sales[0].id
						""")
		void aCsvUploadIsRefusedNamingTheRowAndColumn(String why, String csv, String field) {
			problem(given().multiPart("sales", "sales.csv", csv.replace("\\n", "\n").getBytes(), "text/csv")
				.multiPart("scenarios", "[{\"name\":\"law\",\"kind\":\"STATUTORY\"}]", "application/json")
				.post(SIMULATIONS)
				.then(), 400, field);
		}

		@Test
		void aCsvUploadWithoutSalesOrWithANullScenarioIsRefused() {
			problem(given().multiPart("scenarios", "[{\"name\":\"law\",\"kind\":\"STATUTORY\"}]", "application/json")
				.post(SIMULATIONS)
				.then(), 400, "sales");
			problem(given().multiPart("sales", "sales.csv", "id,channel,recipient\nA,FMS,DE\n".getBytes(), "text/csv")
				.multiPart("scenarios", "[null]", "application/json")
				.post(SIMULATIONS)
				.then(), 400, "scenarios[0]");
		}

		@Test
		void aCsvUploadDecidesLikeJsonWithEmptyCellsUnknownAndNoneAnEmptyList() {
			String csv = "id,channel,recipient,asOf,totalValue,designAndConstructionValue,newSalesTerritory\n"
					+ "A,FMS,DE,2026-11-25,60000000,0,NONE\nB,FMS,DE,2026-11-25,60000000,0,\n";
			given().multiPart("sales", "sales.csv", csv.getBytes(), "text/csv")
				.multiPart("scenarios", "[{\"name\":\"law\",\"kind\":\"STATUTORY\"}]", "application/json")
				.post(SIMULATIONS)
				.then()
				.statusCode(200)
				.body("scenarios[0].results.find { it.id == 'A' }.outcome", equalTo("UNDETERMINED"))
				.body("scenarios[0].results.find { it.id == 'A' }.missing",
						equalTo(List.of("majorDefenseEquipmentValue")))
				.body("scenarios[0].results.find { it.id == 'B' }.missing",
						equalTo(List.of("majorDefenseEquipmentValue", "newSalesTerritory")));
		}

	}

	@Nested
	class Platform {

		@Test
		void healthSaysTheRuleBundleIsLoaded() {
			given().auth()
				.preemptive()
				.basic("actuator", "test-actuator")
				.get("/actuator/health")
				.then()
				.statusCode(200)
				.body("status", equalTo("UP"))
				.body("components.ruleBundle.status", equalTo("UP"))
				.body("components.ruleBundle.details.rulesetVersion",
						matchesPattern("\\d+\\.\\d+\\.\\d+\\+sha256\\.[0-9a-f]{12}"));
		}

		@Test
		void readinessRunsOneRealDecisionPerPackAndLivenessIsTheProcess() {
			given().auth()
				.preemptive()
				.basic("actuator", "test-actuator")
				.get("/actuator/health/readiness")
				.then()
				.statusCode(200)
				.body("status", equalTo("UP"))
				.body("components.rules.status", equalTo("UP"))
				.body("components.rules.details.keySet()",
						equalTo(java.util.Set.of("congressional-notification", "itar", "ear", "procurement", "dpa",
								"jurisdiction")))
				.body("components.rules.details.itar", equalTo("UP"));
			given().get("/actuator/health/liveness").then().statusCode(200).body("status", equalTo("UP"));
		}

		@Test
		void swaggerUiServesTheContractFileItself() {
			given().get("/openapi.yaml")
				.then()
				.statusCode(200)
				.body(containsString("operationId: evaluateNotification"))
				.body(containsString("operationId: simulateNotifications"));
			given().get("/swagger-ui/index.html")
				.then()
				.statusCode(200)
				.body(containsString("url: \"/openapi.yaml\""))
				.body(matchesPattern("(?s).*/webjars/swagger-ui/\\d+\\.\\d+\\.\\d+/swagger-ui-bundle\\.js.*"));
		}

		@Test
		void theSwaggerUiAssetsAreServed() {
			String html = given().get("/swagger-ui/index.html").then().statusCode(200).extract().asString();
			String js = html.replaceAll("(?s).*src=\"(/webjars/[^\"]+)\".*", "$1");
			given().get(js).then().statusCode(200);
		}

		@Test
		void anUnknownPathIsA404Problem() {
			given().get("/v1/nothing").then().statusCode(404);
		}

	}

}
