package org.exportpathways.console;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Everyone: the home page, the decision history (open a record, replay it, open it in its
 * form), a country profile on a date and the parameter browser, with the links between
 * them; every page labelled and fitting a phone's width; the console served under the
 * strict content security policy.
 */
class SharedPagesJourneyTests extends ConsoleBrowser {

	static final List<String> PAGES = List.of("/", "/whatif.html", "/screen.html", "/qualify.html", "/decisions.html",
			"/country.html", "/parameters.html");

	@Test
	void everyPageIsLabelledKeyboardReachableAndFitsAtDesktopAndPhoneWidths() throws Exception {
		for (String page : PAGES) {
			open(page);
			assertAccessibleAndFits();
			// the skip link is the first thing the keyboard reaches
			find("body").sendKeys(org.openqa.selenium.Keys.TAB);
			assertThat(driver.switchTo().activeElement().getText()).as(page).isEqualTo("Skip to content");
		}
		atPhoneWidth();
		for (String page : PAGES) {
			open(page);
			assertAccessibleAndFits();
		}
		open("/");
		screenshot("home-phone");
	}

	@Test
	void theHomePageLeadsToEachJourney() throws Exception {
		open("/");
		assertThat(driver.getTitle()).isEqualTo("Export Pathways console");
		find("#go-screen").click();
		waitFor(By.cssSelector("#screening[data-ready='true']"));
		assertThat(find("#site nav a[aria-current='page']").getText()).isEqualTo("Screen a transfer");
		open("/");
		screenshot("home");
	}

	@Test
	void aDecisionIsListedOpenedReplayedAndReopenedInItsForm() throws Exception {
		// a decision to find: a screening posted through the API
		HttpResponse<String> posted = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url("/v1/transfers/screenings")))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(java.nio.file.Files
					.readString(java.nio.file.Path.of("samples/screenTransfer/prohibited-itar-russia.json"))))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(posted.statusCode()).isEqualTo(200);
		String location = posted.headers().firstValue("Location").orElseThrow();
		String id = location.substring(location.lastIndexOf('/') + 1);

		open("/decisions.html?kind=screenTransfer&country=RU");
		WebElement row = waitFor(By.cssSelector("#decisions tr[data-decision='" + id + "']"));
		assertThat(row.getText()).contains("Transfer screening").contains("Prohibited").contains("RU");
		row.findElement(By.linkText("Open")).click();
		waitUntil((d) -> find("#record-h").getText().endsWith(id));
		assertThat(find("#record").getText()).contains("Prohibited: the transfer to Russia (RU)");
		find("#replay").click();
		WebElement replay = waitFor(By.cssSelector("#replay-panel"));
		assertThat(replay.getAttribute("data-changed")).isEqualTo("false");
		assertThat(replay.getText()).contains("The outcome is the same");
		screenshot("shared-decision-replay");
		find("#open-in-form").click();
		waitFor(By.cssSelector("#screening[data-ready='true']"));
		assertThat(find("#f-destination").getAttribute("value")).isEqualTo("RU");
		assertThat(find("#f-items-0-id").getAttribute("value")).isEqualTo("radar");
	}

	@Test
	void aCountryProfileOnADateLinksToItsDecisionsAndTheParameters() throws Exception {
		open("/country.html?code=AU&asOf=2024-04-18");
		waitUntil((d) -> find("#profile-h").getText().equals("Australia (AU) on 2024-04-18"));
		assertThat(find("#chart").getText()).contains("NS1");
		open("/country.html");
		find("#code").sendKeys("AU");
		find("#asOf").sendKeys("11252026");
		find("#show").click();
		waitUntil((d) -> find("#profile-h").getText().equals("Australia (AU) on 2026-11-25"));
		assertThat(find("#memberships").getText()).contains("AUKUS");
		assertThat(find("#chart").getText()).doesNotContain("NS1");
		assertAccessibleAndFits();
		screenshot("shared-country-profile");
		find("#links").findElement(By.partialLinkText("parameters and tables")).click();
		waitUntil((d) -> find("#status").getText().contains("as of 2026-11-25"));
	}

	@Test
	void theParameterBrowserShowsValuesOnADateWithTheirCitations() throws Exception {
		open("/parameters.html?asOf=2026-11-25");
		waitUntil((d) -> find("#status").getText().contains("as of 2026-11-25"));
		WebElement micro = find("tr[data-parameter='procurement/micro-purchase-threshold']");
		assertThat(micro.findElement(By.cssSelector(".value")).getText()).isEqualTo("$15,000");
		find("#asOf").clear();
		find("#asOf").sendKeys("09302025");
		find("#show").click();
		waitUntil((d) -> find("#status").getText().contains("as of 2025-09-30"));
		assertThat(find("tr[data-parameter='procurement/micro-purchase-threshold'] .value").getText())
			.isEqualTo("$10,000");
		find("#filter").sendKeys("2776");
		waitUntil((d) -> find("#status").getText().contains("match"));
		assertThat(findAll("#parameters tbody tr")).isNotEmpty()
			.allMatch((r) -> r.getText().contains("2776") || r.getText().contains("notification"));
		assertThat(findAll("#tables tbody tr")).isNotEmpty();
		assertAccessibleAndFits();
		screenshot("shared-parameters");
	}

	@Test
	void theConsoleRunsUnderTheStrictContentSecurityPolicy() throws Exception {
		for (String page : PAGES) {
			HttpResponse<String> r = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(url(page))).build(), HttpResponse.BodyHandlers.ofString());
			assertThat(r.statusCode()).as(page).isEqualTo(200);
			String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
			assertThat(csp).contains("script-src 'self' 'sha256-").doesNotContain("unsafe-eval");
			assertThat(csp.substring(csp.indexOf("script-src"), csp.indexOf(';', csp.indexOf("script-src"))))
				.doesNotContain("unsafe-inline");
			assertThat(r.body()).as("no inline script in " + page).doesNotContainPattern("<script(?![^>]*\\ssrc=)");
		}
		// the browser tests' @AfterEach fails on any CSP violation reported in the
		// console
	}

}
