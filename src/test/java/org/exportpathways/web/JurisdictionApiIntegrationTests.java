package org.exportpathways.web;

import java.util.List;
import java.util.Map;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
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
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** The jurisdictions API against the real application on a random port. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JurisdictionApiIntegrationTests {

	static final String DETERMINATIONS = "/v1/jurisdictions/determinations";

	@LocalServerPort
	int port;

	@BeforeEach
	void setUp() {
		RestAssured.port = port;
	}

	static ValidatableResponse determine(Object body) {
		return given().contentType(ContentType.JSON).body(body).post(DETERMINATIONS).then();
	}

	static Map<String, Object> request(Map<String, Object> facts) {
		return map("asOf", "2026-11-25", "facts", facts);
	}

	@Nested
	class Determined {

		@Test
		void anEnumeratedUsmlItemIsItarWithEachStepAFinding() {
			determine(request(map("cjDetermination", false, "usmlEnumerated", true, "usmlCategory", "XI",
					"usmlParagraph", "a(1)")))
				.statusCode(200)
				.body("outcome", equalTo("USML"))
				.body("jurisdiction", equalTo("ITAR"))
				.body("usmlCategory", equalTo("XI"))
				.body("usmlParagraph", equalTo("a(1)"))
				.body("nextQuestion", nullValue())
				.body("summary", containsString("Category XI"))
				.body("findings.ruleId", hasItems("JD-CJ-002", "JD-USML-002", "JD-USML-010"))
				.body("findings.citation", everyItem(notNullValue()))
				.body("advisory", containsString("Advisory"));
		}

		@Test
		void aFastenerReleasedUnderBothDefinitionsIsEar99() {
			determine(request(map("cjDetermination", false, "usmlEnumerated", false, "usmlCatchAll", true,
					"itarPeculiarlyResponsible", false, "partOrSoftware", true, "itarForUseWithDefenseArticle", true,
					"itarFastener", true, "series600Enumerated", false, "series600CatchAll", true,
					"earPeculiarlyResponsible600", false, "earForUseWith600", true, "earFastener", true,
					"cclEnumerated", false, "cclSpeciallyDesigned", false)))
				.statusCode(200)
				.body("outcome", equalTo("EAR99"))
				.body("jurisdiction", equalTo("EAR"))
				.body("eccn", equalTo("EAR99"))
				.body("findings.citation",
						hasItems("22 CFR 120.41(b)(2)", "15 CFR 772.1 \"specially designed\" (b)(2)"));
		}

	}

	@Nested
	class Undetermined {

		@Test
		void anUnansweredQuestionThatDecidesIsNamedAsTheNextQuestion() {
			determine(request(map("cjDetermination", false, "usmlEnumerated", false, "usmlCatchAll", true,
					"itarPeculiarlyResponsible", false, "partOrSoftware", true, "itarForUseWithDefenseArticle", true,
					"itarFastener", false)))
				.statusCode(200)
				.body("outcome", equalTo("UNDETERMINED"))
				.body("jurisdiction", nullValue())
				.body("nextQuestion.id", equalTo("JQ-10"))
				.body("nextQuestion.field", equalTo("itarSameAsNonUsmlItem"))
				.body("nextQuestion.citation", equalTo("22 CFR 120.41(b)(3)"))
				.body("nextQuestion.text", containsString("in production"))
				.body("summary", containsString("JQ-10"));
		}

		@Test
		void anAbsentAnswerIsUnknownNeverNo() {
			determine(map("asOf", "2026-11-25", "facts", map())).statusCode(200)
				.body("outcome", equalTo("UNDETERMINED"))
				.body("nextQuestion.field", equalTo("cjDetermination"));
		}

		@Test
		void theQuestionsAreListedInTheOrderOfReview() {
			given().get("/v1/jurisdictions/questions?asOf=2026-11-25")
				.then()
				.statusCode(200)
				.body("", hasSize(29))
				.body("[0].field", equalTo("cjDetermination"))
				.body("[0].order", equalTo(1))
				.body("field", hasItems("itarGeneralPurpose", "earDevelopedForUncontrolled"))
				.body("citation", hasItem("15 CFR 772.1 \"specially designed\" (b)(6)"));
		}

	}

	@Nested
	class BadInput {

		@Test
		void aNonBooleanAnswerIsA400NamingTheField() {
			problem(determine(request(map("usmlEnumerated", "perhaps"))), 400, "facts.usmlEnumerated");
		}

		@Test
		void anUnknownCjJurisdictionIsA400NamingTheField() {
			problem(determine(request(map("cjDetermination", true, "cjJurisdiction", "TREASURY"))), 400,
					"facts.cjJurisdiction");
		}

		@Test
		void aSeries600EccnGivenAsAnotherEccnIsA400NamingTheField() {
			problem(determine(request(map("cclEccn", "9A610.x"))), 400, "facts.cclEccn");
		}

		@Test
		void anUnknownFactIsA400() {
			determine(request(map("isItMilitary", true))).statusCode(400).contentType("application/problem+json");
		}

		@Test
		void missingFactsIsA400NamingTheField() {
			problem(determine(map("asOf", "2026-11-25")), 400, "facts");
		}

		@Test
		void aDateBeforeTheCoverageIsA422() {
			problem(determine(map("asOf", "2020-01-01", "facts", map("cjDetermination", false))), 422, "asOf");
			problem(given().get("/v1/jurisdictions/questions?asOf=2020-01-01").then(), 422, "asOf");
		}

	}

	@Nested
	class Screening {

		@Test
		void anItemDescribedByFactsIsScreenedUnderTheJurisdictionFound() {
			given().contentType(ContentType.JSON)
				.body(map("asOf", "2026-11-25", "destination", "DE", "channel", "DCS", "items",
						List.of(map("id", "kit", "jurisdictionFacts",
								map("cjDetermination", false, "usmlEnumerated", true, "usmlCategory", "VIII")),
								map("id", "widget", "jurisdictionFacts", map("cjDetermination", false)))))
				.post("/v1/transfers/screenings")
				.then()
				.statusCode(200)
				.body("items[0].jurisdiction", equalTo("ITAR"))
				.body("items[0].determination.outcome", equalTo("USML"))
				.body("items[1].jurisdiction", equalTo("UNDETERMINED"))
				.body("items[1].outcome", equalTo("UNDETERMINED"))
				.body("items[1].missing", hasItem("items[1].jurisdictionFacts.usmlEnumerated"))
				.body("items[1].determination.nextQuestion.id", equalTo("JQ-04"));
		}

	}

}
