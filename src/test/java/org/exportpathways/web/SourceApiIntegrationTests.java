package org.exportpathways.web;

import org.exportpathways.screening.CountryProfile;
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
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

/** The sources API against the real application on a random port. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SourceApiIntegrationTests {

	static final String QUALIFICATIONS = "/v1/sources/qualifications";

	@LocalServerPort
	int port;

	@BeforeEach
	void setUp() {
		RestAssured.port = port;
	}

	static ValidatableResponse qualify(Object body) {
		return given().contentType(ContentType.JSON).body(body).post(QUALIFICATIONS).then();
	}

	static Map<String, Object> germanEndProduct() {
		return map("asOf", "2026-11-25", "supplierCountry", "DE", "manufactureCountry", "DE", "productKind",
				"END_PRODUCT", "commercialOffTheShelf", false, "domesticComponentShare", 20,
				"qualifyingCountryComponentShare", 46, "contractValue", 2500000, "placeOfUse", "UNITED_STATES",
				"deliveryYear", 2026, "buyer", "DOD", "dpaTitle", "III", "containsSpecialtyMetal", false);
	}

	@Nested
	class Qualifications {

		@Test
		void aGermanEndProductQualifiesAndSaysWhyWithCitations() {
			qualify(germanEndProduct()).statusCode(200)
				.body("qualifyingCountry.value", equalTo(true))
				.body("qualifyingCountry.citation", containsString("225.872-1"))
				.body("buyAmerican.status", equalTo("QUALIFYING_COUNTRY_END_PRODUCT"))
				.body("buyAmerican.threshold", equalTo(65))
				.body("buyAmerican.thresholdCitation", containsString("252.225-7001"))
				.body("berry.status", equalTo("NOT_APPLICABLE"))
				.body("specialtyMetals.status", equalTo("NOT_APPLICABLE"))
				.body("dpaDomesticSource.status", equalTo("NO"))
				.body("enablers.name", hasItems("RDP_QUALIFYING_COUNTRY", "NATO", "SECURITY_OF_SUPPLY_ARRANGEMENT"))
				.body("enablers.find { it.name == 'SECURITY_OF_SUPPLY_ARRANGEMENT' }.since", equalTo("2024-10-22"))
				.body("findings.ruleId", hasItems("PR-QC-001", "PR-BA-034", "DP-DS-004", "DP-DS-006"))
				.body("findings.find { it.ruleId == 'PR-BA-021' }.message", containsString("66%"))
				.body("advisory", startsWith("Advisory only"))
				.body("asOf", equalTo("2026-11-25"));
		}

		@Test
		void theUkIsATitleIiiDomesticSourceOnlyWithConditions() {
			qualify(map("asOf", "2026-11-25", "supplierCountry", "GB", "manufactureCountry", "GB", "productKind",
					"COMPONENT", "buyer", "DOD", "dpaTitle", "III"))
				.statusCode(200)
				.body("dpaDomesticSource.status", equalTo("TITLE_III_ONLY"))
				.body("dpaDomesticSource.conditions", hasItem(containsString("national defense matters")))
				.body("enablers.name", hasItems("NTIB", "AUKUS"));
		}

		@Test
		void specialtyMetalBoughtAsSuchFromAQualifyingCountryDoesNotComplyAboveTheSimplifiedThreshold() {
			qualify(map("asOf", "2026-11-25", "supplierCountry", "SE", "manufactureCountry", "SE", "productKind",
					"SPECIALTY_METAL", "buyer", "DOD", "contractValue", 350001))
				.statusCode(200)
				.body("specialtyMetals.status", equalTo("NOT_COMPLIANT"))
				.body("findings.find { it.ruleId == 'PR-SM-004' }.citation", containsString("252.225-7008(b)"));
			qualify(map("asOf", "2026-11-25", "supplierCountry", "SE", "manufactureCountry", "SE", "productKind",
					"SPECIALTY_METAL", "buyer", "DOD", "contractValue", 350000))
				.statusCode(200)
				.body("specialtyMetals.status", equalTo("EXEMPT"))
				.body("findings.find { it.ruleId == 'PR-SM-006' }.message",
						containsString("simplified acquisition threshold of $350,000"))
				.body("findings.find { it.ruleId == 'PR-SM-006' }.effectiveFrom", equalTo("2025-10-01"));
		}

		@Test
		void dodUseOutsideTheUnitedStatesNamesTheBalanceOfPaymentsProgram() {
			qualify(map("asOf", "2026-11-25", "supplierCountry", "IN", "manufactureCountry", "IN", "productKind",
					"END_PRODUCT", "buyer", "DOD", "commercialOffTheShelf", false, "domesticComponentShare", 0,
					"qualifyingCountryComponentShare", 0, "deliveryYear", 2026, "placeOfUse", "OUTSIDE",
					"contractValue", 5000000, "containsSpecialtyMetal", false))
				.statusCode(200)
				.body("buyAmerican.status", equalTo("EXEMPT"))
				.body("buyAmerican.exceptions.citation", hasItem(containsString("DFARS 225.7500(a)")))
				.body("findings.find { it.ruleId == 'PR-BA-056' }.citation", containsString("DFARS 225.7501"));
		}

		@Test
		void berrySaysItsOwnThresholdNotTheSimplifiedOne() {
			qualify(map("asOf", "2026-11-25", "supplierCountry", "IT", "manufactureCountry", "IT", "productKind",
					"FOOD", "buyer", "DOD", "contractValue", 150000))
				.statusCode(200)
				.body("berry.status", equalTo("EXEMPT"))
				.body("findings.find { it.ruleId == 'PR-BY-002' }.message",
						containsString("the small-purchase threshold 4862(h) itself sets"))
				.body("findings.find { it.ruleId == 'PR-BY-002' }.effectiveFrom", org.hamcrest.Matchers.nullValue());
		}

		@Test
		void unknownFactsAreNamedNotAssumed() {
			qualify(map("supplierCountry", "GB", "productKind", "END_PRODUCT", "buyer", "DOD")).statusCode(200)
				.body("buyAmerican.status", equalTo("UNDETERMINED"))
				.body("buyAmerican.missing", hasItem("manufactureCountry"))
				.body("dpaDomesticSource.status", equalTo("UNDETERMINED"));
		}

	}

	@Nested
	class BadInput {

		@Test
		void aMissingRequiredFieldIsNamed() {
			problem(qualify(map("supplierCountry", "DE", "productKind", "END_PRODUCT")), 400, "buyer");
		}

		@Test
		void aShareAbove100IsNamed() {
			Map<String, Object> body = germanEndProduct();
			body.put("domesticComponentShare", 101);
			problem(qualify(body), 400, "domesticComponentShare");
		}

		@Test
		void aNegativeContractValueIsNamed() {
			Map<String, Object> body = germanEndProduct();
			body.put("contractValue", -1);
			problem(qualify(body), 400, "contractValue");
		}

		@Test
		void anUnknownProductKindIsNamed() {
			Map<String, Object> body = germanEndProduct();
			body.put("productKind", "WIDGET");
			problem(qualify(body), 400, "productKind");
		}

		@Test
		void anUnknownCountryIsNamed() {
			Map<String, Object> body = germanEndProduct();
			body.put("manufactureCountry", "QQ");
			problem(qualify(body), 400, "manufactureCountry");
		}

		@Test
		void anImpossibleDateIsNamed() {
			Map<String, Object> body = germanEndProduct();
			body.put("asOf", "2026-13-01");
			problem(qualify(body), 400, "asOf");
		}

		@Test
		void aDateBeforeCoverageIsUnprocessable() {
			Map<String, Object> body = germanEndProduct();
			body.put("asOf", "2020-01-01");
			problem(qualify(body), 422, "asOf");
		}

	}

	@Nested
	class CountryProfile {

		@Test
		void theProfileIncludesTheProcurementPrograms() {
			given().get("/v1/countries/JP?asOf=2026-11-25")
				.then()
				.statusCode(200)
				.body("memberships.name",
						hasItems("RDP_QUALIFYING_COUNTRY", "SECURITY_OF_SUPPLY_ARRANGEMENT",
								"RECIPROCAL_GOVERNMENT_QUALITY_ASSURANCE", "MAJOR_NON_NATO_ALLY"))
				.body("memberships.find { it.name == 'RDP_QUALIFYING_COUNTRY' }.effectiveFrom", equalTo("2016-08-02"));
		}

		@Test
		void indiaIsShownAsNegotiatingNotQualifying() {
			given().get("/v1/countries/IN?asOf=2026-11-25")
				.then()
				.statusCode(200)
				.body("memberships.name", hasItem("RDP_AGREEMENT_IN_NEGOTIATION (not qualifying)"))
				.body("memberships.name", org.hamcrest.Matchers.not(hasItem("RDP_QUALIFYING_COUNTRY")));
		}

		@Test
		void australiaIsATitleIiiDpaCountry() {
			given().get("/v1/countries/AU?asOf=2026-11-25")
				.then()
				.statusCode(200)
				.body("memberships.find { it.name == 'DPA_DOMESTIC_SOURCE_COUNTRY' }.detail", startsWith("TITLE_III"));
		}

	}

}
