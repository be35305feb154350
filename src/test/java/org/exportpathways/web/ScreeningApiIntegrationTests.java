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
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** The transfers and countries APIs against the real application on a random port. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ScreeningApiIntegrationTests {

	static final String SCREENINGS = "/v1/transfers/screenings";

	@LocalServerPort
	int port;

	@BeforeEach
	void setUp() {
		RestAssured.port = port;
	}

	static ValidatableResponse screen(Object body) {
		return given().contentType(ContentType.JSON).body(body).post(SCREENINGS).then();
	}

	static Map<String, Object> aukusTransfer(String asOf) {
		return map("asOf", asOf, "destination", "AU", "channel", "DCS", "temporary", false, "manufactureAbroad", false,
				"endUser", map("type", "COMMERCIAL", "aukusAuthorizedUser", true, "treatyApprovedCommunity", false),
				"exporter", map("ddtcRegistered", true), "items",
				List.of(map("id", "wing", "usml",
						map("category", "VIII", "paragraph", "h", "classified", false, "kind", "HARDWARE",
								"excludedTechnologyList", false, "supplementNo1Excluded", false),
						"value", 2000000), map("id", "trainer", "eccn", "9A610.a", "value", 1200)),
				"sale", map("majorDefenseEquipmentValue", 0, "totalValue", 2001200, "newSalesTerritory", List.of()));
	}

	@Nested
	class Screenings {

		@Test
		void anAukusTransferIsExemptPerItemWithTheSaleNotificationAndAnAdvisory() {
			screen(aukusTransfer("2026-11-25")).statusCode(200)
				.body("outcome", equalTo("EXEMPT"))
				.body("items.find { it.id == 'wing' }.jurisdiction", equalTo("ITAR"))
				.body("items.find { it.id == 'wing' }.exemption", equalTo("126.7"))
				.body("items.find { it.id == 'wing' }.findings.ruleId", hasItems("IT-JUR-001", "IT-EXM-091"))
				.body("items.find { it.id == 'wing' }.findings.find { it.ruleId == 'IT-EXM-091' }.effectiveFrom",
						equalTo("2024-09-01"))
				.body("items.find { it.id == 'trainer' }.jurisdiction", equalTo("EAR"))
				.body("items.find { it.id == 'trainer' }.outcome", equalTo("NO_LICENSE_REQUIRED"))
				.body("notification.outcome", equalTo("NOT_REQUIRED"))
				.body("notification.section", equalTo("36(c)"))
				.body("findings.ruleId", hasItem("EA-DEC-005"))
				.body("advisory", startsWith("Advisory only"))
				.body("asOf", equalTo("2026-11-25"));
		}

		@Test
		void manufactureAbroadOfSignificantMilitaryEquipmentIsA36dCaseUnderAnMlaWithNoDollarFloor() {
			Map<String, Object> body = map("asOf", "2026-11-25", "destination", "IN", "channel", "DCS", "temporary",
					false, "manufactureAbroad", true, "items",
					List.of(map("id", "kit", "usml",
							map("category", "IV", "sme", true, "classified", false, "kind", "TECHNICAL_DATA"), "value",
							1)));
			screen(body).statusCode(200)
				.body("items[0].licenseType", equalTo("MLA"))
				.body("items[0].findings.ruleId", hasItem("IT-LIC-006"))
				.body("items[0].findings.ruleId", not(hasItem("IT-LIC-004")))
				.body("notification.outcome", equalTo("REQUIRED"))
				.body("notification.section", equalTo("36(d)"))
				.body("notification.reviewPeriodDays", equalTo(30))
				.body("notification.findings.ruleId", hasItem("CN-DEC-031"));
		}

		@Test
		void manufactureAbroadWithAnItemOfUnknownSignificanceNamesUsmlSme() {
			Map<String, Object> body = map("asOf", "2026-11-25", "destination", "JP", "channel", "DCS", "temporary",
					false, "manufactureAbroad", true, "items",
					List.of(map("id", "kit", "usml", map("category", "IV", "classified", false, "kind", "HARDWARE"))));
			screen(body).statusCode(200)
				.body("items[0].licenseType", equalTo("MLA"))
				.body("notification.outcome", equalTo("UNDETERMINED"))
				.body("notification.section", equalTo("36(d)"))
				.body("notification.reviewPeriodDays", equalTo(15))
				.body("notification.missing", equalTo(List.of("items[].usml.sme")));
		}

		@Test
		void theSameTransferBeforeBothAukusRulesNeedsLicensesForBothItems() {
			screen(aukusTransfer("2024-04-18")).statusCode(200)
				.body("outcome", equalTo("LICENSE_REQUIRED"))
				.body("items.find { it.id == 'wing' }.licenseType", equalTo("DSP-5"))
				.body("items.find { it.id == 'trainer' }.outcome", equalTo("LICENSE_REQUIRED"))
				.body("items.find { it.id == 'trainer' }.licenseExceptions.code", hasItems("STA", "LVS", "RPL"))
				.body("items.find { it.id == 'trainer' }.licenseExceptions.find { it.code == 'STA' }.conditions",
						hasItem(containsString("740.20(g)")));
		}

		@Test
		void anUndeterminedItemNamesTheMissingFact() {
			screen(map("asOf", "2026-11-25", "destination", "CA", "channel", "DCS", "endUser",
					map("type", "GOVERNMENT"), "items",
					List.of(map("id", "a", "usml", map("category", "VIII", "classified", false)))))
				.statusCode(200)
				.body("outcome", equalTo("UNDETERMINED"))
				.body("items[0].missing", equalTo(List.of("items[0].usml.supplementNo1Excluded")))
				.body("items[0].exemption", nullValue());
		}

		@Test
		void aProhibitedDestinationCitesItsParagraph() {
			screen(map("asOf", "2026-11-25", "destination", "RU", "channel", "DCS", "items",
					List.of(map("id", "a", "usml", map("category", "XI")))))
				.statusCode(200)
				.body("outcome", equalTo("PROHIBITED"))
				.body("items[0].findings.find { it.ruleId == 'IT-PRO-001' }.citation", containsString("126.1(l)"))
				.body("items[0].findings.find { it.ruleId == 'IT-PRO-001' }.effectiveFrom", equalTo("2021-03-18"));
		}

		@Test
		void withoutAnyItarItemThereIsNoNotificationCheck() {
			screen(map("destination", "DE", "channel", "DCS", "items", List.of(map("id", "b", "ear99", true))))
				.statusCode(200)
				.body("outcome", equalTo("NO_LICENSE_REQUIRED"))
				.body("notification", nullValue());
		}

	}

	/**
	 * EAR depth (issue 8): paragraphs, part 742 reasons, chart footnotes, 15 CFR 743.6.
	 */
	@Nested
	class EarDepth {

		static Map<String, Object> rifles(String asOf, String destination, Object usGovernmentOrNato, Object value) {
			Map<String, Object> rifle = (value != null) ? map("id", "rifles", "eccn", "0A501.a", "value", value)
					: map("id", "rifles", "eccn", "0A501.a");
			Map<String, Object> endUser = (usGovernmentOrNato != null)
					? map("type", "GOVERNMENT", "usGovernmentOrNatoAgency", usGovernmentOrNato)
					: map("type", "GOVERNMENT");
			return map("asOf", asOf, "destination", destination, "channel", "DCS", "endUser", endUser, "items",
					List.of(rifle));
		}

		@Test
		void anEccnWithoutItsParagraphIsUndeterminedNamingTheParagraph() {
			screen(map("asOf", "2026-11-25", "destination", "DE", "channel", "DCS", "items",
					List.of(map("id", "sight", "eccn", "0A504"))))
				.statusCode(200)
				.body("outcome", equalTo("UNDETERMINED"))
				.body("items[0].missing", hasItem("items[0].eccn: give the paragraph"))
				.body("items[0].findings.ruleId", hasItem("EA-SCP-004"));
		}

		@Test
		void encryptionNeedsALicenseEverywhereButCanada() {
			screen(map("asOf", "2026-11-25", "destination", "AU", "channel", "DCS", "items",
					List.of(map("id", "enc", "eccn", "5A002.a"))))
				.statusCode(200)
				.body("outcome", equalTo("LICENSE_REQUIRED"))
				.body("items[0].findings.ruleId", hasItem("EA-NCR-007"));
			screen(map("asOf", "2026-11-25", "destination", "CA", "channel", "DCS", "items",
					List.of(map("id", "enc", "eccn", "5A002.a"))))
				.statusCode(200)
				.body("outcome", equalTo("NO_LICENSE_REQUIRED"))
				.body("items[0].findings.ruleId", hasItem("EA-NCR-008"));
		}

		@Test
		void australiaStillNeedsALicenseForRiflesUnderTheChartFootnote() {
			screen(rifles("2026-11-25", "AU", false, 1000)).statusCode(200)
				.body("outcome", equalTo("LICENSE_REQUIRED"))
				.body("items[0].findings.ruleId", hasItem("EA-FTN-001"))
				.body("earNotification.outcome", equalTo("NOT_REQUIRED"));
		}

		@Test
		void semiautomaticFirearmsOfFourMillionToMexicoAreNotifiedWhile7436IsInForce() {
			screen(rifles("2022-07-17", "MX", false, 4000000)).statusCode(200)
				.body("earNotification.outcome", equalTo("NOT_REQUIRED"))
				.body("findings.ruleId", hasItem("EA-CN-001"));
			screen(rifles("2022-07-18", "MX", false, 4000000)).statusCode(200)
				.body("earNotification.outcome", equalTo("REQUIRED"))
				.body("earNotification.firearmsValue", equalTo(4000000))
				.body("earNotification.threshold", equalTo(4000000))
				.body("earNotification.citation", equalTo("15 CFR 743.6"))
				.body("findings.ruleId", hasItems("EA-CN-004", "EA-CN-007"));
			screen(rifles("2025-09-30", "MX", false, 4000000)).statusCode(200)
				.body("earNotification.outcome", equalTo("NOT_REQUIRED"));
		}

		@Test
		void anUnknownValueOrEndUserLeavesTheNotificationUndetermined() {
			screen(rifles("2023-01-10", "MX", false, null)).statusCode(200)
				.body("earNotification.outcome", equalTo("UNDETERMINED"))
				.body("earNotification.missing", equalTo(List.of("items[0].value")));
			screen(rifles("2023-01-10", "MX", null, 4000000)).statusCode(200)
				.body("earNotification.outcome", equalTo("UNDETERMINED"))
				.body("earNotification.missing", equalTo(List.of("endUser.usGovernmentOrNatoAgency")));
		}

		@Test
		void noFirearmNoEarNotification() {
			screen(map("asOf", "2023-01-10", "destination", "MX", "channel", "DCS", "items",
					List.of(map("id", "b", "ear99", true))))
				.statusCode(200)
				.body("earNotification", nullValue());
		}

	}

	@Nested
	class BadInput {

		@Test
		void aMissingDestinationIsNamed() {
			problem(screen(map("channel", "DCS", "items", List.of(map("id", "a", "ear99", true)))), 400, "destination");
		}

		@Test
		void anUnknownUsmlCategoryIsNamed() {
			problem(screen(map("destination", "DE", "channel", "DCS", "items",
					List.of(map("id", "a", "usml", map("category", "XXIII"))))), 400, "items[0].usml.category");
		}

		@Test
		void aMalformedEccnIsNamed() {
			problem(screen(
					map("destination", "DE", "channel", "DCS", "items", List.of(map("id", "a", "eccn", "9a610")))), 400,
					"items[0].eccn");
		}

		@Test
		void anEccnNotOnTheCclIsNamed() {
			problem(screen(
					map("destination", "DE", "channel", "DCS", "items", List.of(map("id", "a", "eccn", "9A999")))), 400,
					"items[0].eccn")
				.body("errors[0].message", containsString("Commerce Control List"));
		}

		@Test
		void anItemDescribedTwiceIsNamed() {
			problem(screen(map("destination", "DE", "channel", "DCS", "items",
					List.of(map("id", "a", "eccn", "3A001", "ear99", true)))), 400, "items[0]");
		}

		@Test
		void noItemsIsRefused() {
			problem(screen(map("destination", "DE", "channel", "DCS", "items", List.of())), 400, "items");
		}

		@Test
		void anUnknownEndUserTypeIsNamed() {
			problem(screen(map("destination", "DE", "channel", "DCS", "endUser", map("type", "MILITIA"), "items",
					List.of(map("id", "a", "ear99", true)))), 400, "endUser.type");
		}

		@Test
		void anFmsOnlyChannelValueIsChecked() {
			problem(screen(map("destination", "DE", "channel", "MANUFACTURING_AGREEMENT", "items",
					List.of(map("id", "a", "ear99", true)))), 400, "channel");
		}

		@Test
		void aDateBeforeCoverageIsUnprocessable() {
			problem(screen(map("asOf", "2015-01-01", "destination", "DE", "channel", "DCS", "items",
					List.of(map("id", "a", "ear99", true)))), 422, "asOf");
		}

	}

	@Nested
	class Countries {

		@Test
		void australiasProfileNamesItsMembershipsWithDatesAndCitations() {
			given().get("/v1/countries/AU?asOf=2026-11-25")
				.then()
				.statusCode(200)
				.body("code", equalTo("AU"))
				.body("name", equalTo("Australia"))
				.body("itar126_1.status", equalTo("NOT_LISTED"))
				.body("countryGroups.name", hasItems("A:1", "A:5", "B"))
				.body("chartColumns.name", equalTo(List.of("CB1")))
				.body("memberships.name", hasItems("AUKUS", "NATO_PLUS_5"))
				.body("memberships.find { it.name == 'DEFENSE_TRADE_TREATY' }.effectiveFrom", equalTo("2013-05-16"))
				.body("memberships.find { it.name == 'AUKUS' }.citation", containsString("38(l)"))
				.body("itarExemptions.name", hasItems("126.7", "126.16"))
				.body("advisory", startsWith("Advisory only"));
		}

		@Test
		void australiasChartBeforeTheBisAukusRuleHadNationalSecurityControls() {
			given().get("/v1/countries/AU?asOf=2024-04-18")
				.then()
				.statusCode(200)
				.body("chartColumns.name", hasItems("NS1", "MT1", "RS1"))
				.body("itarExemptions.name", not(hasItem("126.7")));
		}

		@Test
		void russiasProfileShowsThe1261ParagraphAndTheEmbargo() {
			given().get("/v1/countries/RU?asOf=2026-11-25")
				.then()
				.statusCode(200)
				.body("itar126_1.status", equalTo("DENIAL"))
				.body("itar126_1.fact.citation", containsString("126.1(l)"))
				.body("itar126_1.fact.effectiveFrom", equalTo("2021-03-18"))
				.body("embargoes.name", hasItem("746.8"))
				.body("countryGroups.name", hasItem("D:5"));
		}

		@Test
		void germanyIsANatoMemberSince1955() {
			given().get("/v1/countries/DE")
				.then()
				.statusCode(200)
				.body("memberships.find { it.name == 'NATO' }.effectiveFrom", equalTo("1955-05-06"))
				.body("memberships.name", hasItem("NATO_PLUS_5"));
		}

		@Test
		void anUnknownCountryIsA404Problem() {
			given().get("/v1/countries/ZZ")
				.then()
				.statusCode(404)
				.contentType("application/problem+json")
				.body("errors.field", hasItem("code"));
		}

		@Test
		void aMalformedCodeIsA400Problem() {
			problem(given().get("/v1/countries/deu").then(), 400, "code");
		}

		@Test
		void anImpossibleDateIsA400Problem() {
			problem(given().get("/v1/countries/DE?asOf=2025-02-29").then(), 400, "asOf");
		}

	}

}
