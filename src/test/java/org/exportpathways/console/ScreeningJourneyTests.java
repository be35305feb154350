package org.exportpathways.console;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exporter: screen a transfer, read the verdict per item with its exemption
 * conditions and the notification decision, and answer each missing fact as the next
 * question on screen until the answer is decided.
 */
class ScreeningJourneyTests extends ConsoleBrowser {

	void openForm() {
		open("/screen.html");
		waitFor(By.cssSelector("#screening[data-ready='true']"));
	}

	void loadExample(String name) {
		new Select(find("#example")).selectByValue(name);
		find("#load-example").click();
		waitUntil((d) -> find("#status").getText().startsWith("Loaded"));
	}

	String screen() {
		find("#run").click();
		waitUntil((d) -> find("#status").getText().startsWith("Screened") && find("#result").isDisplayed());
		return find("#verdict .badge").getAttribute("data-outcome");
	}

	@Test
	void aMissingFactBecomesTheNextQuestionAndAnsweringItDecides() throws Exception {
		openForm();
		loadExample("undetermined-canada-supplement-no1-unknown");
		assertThat(screen()).isEqualTo("UNDETERMINED");
		WebElement card = find("article.item-card[data-item='actuator']");
		assertThat(card.findElement(By.cssSelector(".conditions li[data-status='unknown']")).getText())
			.contains("Exemption 126.5 may apply");
		WebElement question = find(".question[data-path='items[0].usml.supplementNo1Excluded']");
		assertThat(question.getText()).contains("Supplement No. 1 to part 126").contains("actuator");
		assertThat(findAll(".question[data-path='sale.totalValue']")).hasSize(1);
		assertThat(find("#notification-panel .badge").getAttribute("data-outcome")).isEqualTo("UNDETERMINED");
		assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("q-0");
		screenshot("journey-2-screening-question");
		regionShot("readme-2-screening", "#result", 1500);

		// "No, it is not excluded": the Canadian exemption's conditions are then met
		new Select(question.findElement(By.cssSelector("select"))).selectByValue("false");
		question.findElement(By.cssSelector("button.answer")).click();
		waitUntil((d) -> findAll(".question[data-path='items[0].usml.supplementNo1Excluded']").isEmpty()
				&& !findAll("article.item-card[data-item='actuator'] .badge[data-outcome='EXEMPT']").isEmpty());
		card = find("article.item-card[data-item='actuator']");
		assertThat(card.findElement(By.cssSelector(".exemption")).getText()).contains("126.5");
		assertThat(card.findElement(By.cssSelector(".conditions li[data-status='met']")).getText())
			.contains("Exemption 126.5 applies");
		assertThat(new Select(find("#f-items-0-usml-supplementNo1Excluded")).getFirstSelectedOption().getText())
			.isEqualTo("No");
		// the citation links to the primary text
		WebElement link = card.findElement(By.cssSelector("a.cite"));
		assertThat(link.getAttribute("href")).startsWith("https://www.ecfr.gov/current/title-22/section-12");

		// the notification still needs the sale's values: answer them on screen
		WebElement total = find(".question[data-path='sale.totalValue'] input");
		total.sendKeys("250000");
		find(".question[data-path='sale.totalValue'] button.answer").click();
		waitUntil((d) -> findAll(".question[data-path='sale.totalValue']").isEmpty());
		assertThat(find("#notification-panel .badge").getAttribute("data-outcome")).isEqualTo("NOT_REQUIRED");
		assertThat(find("#verdict .badge").getAttribute("data-outcome")).isEqualTo("EXEMPT");
		assertAccessibleAndFits();
		screenshot("journey-2-screening");
	}

	@Test
	void aProhibitionIsAWarningCitingTheParagraphAndLinksToTheCountryProfile() {
		openForm();
		loadExample("prohibited-itar-russia");
		assertThat(screen()).isEqualTo("PROHIBITED");
		WebElement warning = find("article.item-card li.warning");
		assertThat(warning.getText()).startsWith("Warning:").contains("Russia (RU)").contains("126.1");
		assertThat(warning.findElement(By.cssSelector("a.cite")).getAttribute("href"))
			.isEqualTo("https://www.ecfr.gov/current/title-22/section-126.1");
		assertThat(findAll("#notification-panel")).isEmpty();
		find("#country-link").click();
		waitUntil((d) -> find("#profile-summary").getText().contains("Russia"));
	}

	@Test
	void anItemDescribedByItsFactsWalksTheOrderOfReviewOneQuestionAtATime() {
		openForm();
		find("#f-destination").sendKeys("DE");
		find("#f-items-0-id").sendKeys("actuator");
		new Select(find("#f-items-0-describedBy")).selectByValue("facts");
		assertThat(screen()).isEqualTo("UNDETERMINED");
		WebElement question = find(".question[data-path='items[0].jurisdictionFacts.cjDetermination']");
		assertThat(question.getText()).contains("commodity jurisdiction").contains("JQ-01");
		new Select(question.findElement(By.cssSelector("select"))).selectByValue("false");
		question.findElement(By.cssSelector("button.answer")).click();
		waitUntil((d) -> findAll(".question[data-path='items[0].jurisdictionFacts.cjDetermination']").isEmpty());
		assertThat(find("#open-questions .question").getAttribute("data-path"))
			.startsWith("items[0].jurisdictionFacts.")
			.isNotEqualTo("items[0].jurisdictionFacts.cjDetermination");
	}

	@Test
	void badInputShowsTheProblemNamingTheField() {
		openForm();
		find("#f-destination").sendKeys("ZZ");
		find("#f-items-0-id").sendKeys("x");
		find("#run").click();
		String text = waitFor(By.cssSelector("#error .problem")).getText();
		assertThat(text).contains("destination");
	}

	@Test
	void theFormWorksAtAPhoneWidth() {
		atPhoneWidth();
		openForm();
		loadExample("exempt-aukus-126-7");
		assertThat(screen()).isEqualTo("EXEMPT");
		assertAccessibleAndFits();
	}

}
