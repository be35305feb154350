package org.exportpathways.console;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The program office: qualify a foreign source, read the verdict per regime with its
 * legal basis, answer what is missing, and print the memo to file.
 */
class QualificationJourneyTests extends ConsoleBrowser {

	void openForm() {
		open("/qualify.html");
		waitFor(By.cssSelector("#qualification[data-ready='true']"));
	}

	void loadExample(String name) {
		new Select(find("#example")).selectByValue(name);
		find("#load-example").click();
		waitUntil((d) -> find("#status").getText().startsWith("Loaded"));
	}

	void qualify() {
		find("#run").click();
		waitUntil((d) -> find("#status").getText().equals("Qualified."));
	}

	@Test
	void aQualifyingCountryWithUnknownSharesIsAskedForThemThenDecidedAndPrintedAsAMemo() throws Exception {
		openForm();
		loadExample("undetermined-shares-unknown-uk");
		qualify();
		assertThat(find("#part-qc [data-value]").getText()).isEqualTo("yes");
		assertThat(find("#part-qc a.cite").getAttribute("href"))
			.isEqualTo("https://www.ecfr.gov/current/title-48/section-225.003");
		assertThat(find("#part-ba .badge").getAttribute("data-outcome")).isEqualTo("UNDETERMINED");
		assertThat(find("#part-dpa .badge").getAttribute("data-outcome")).isEqualTo("TITLE_III_ONLY");
		assertThat(find("#part-dpa").getText()).contains("Condition: for Title III of the DPA only");
		assertThat(findAll("#open-questions .question")).hasSize(3);

		WebElement cots = find(".question[data-path='commercialOffTheShelf']");
		new Select(cots.findElement(By.cssSelector("select"))).selectByValue("false");
		find("#f-domesticComponentShare").sendKeys("30");
		find("#f-qualifyingCountryComponentShare").sendKeys("50");
		cots.findElement(By.cssSelector("button.answer")).click();
		waitUntil((d) -> findAll("#open-questions").isEmpty()
				&& "QUALIFYING_COUNTRY_END_PRODUCT".equals(find("#part-ba .badge").getAttribute("data-outcome")));
		assertThat(find("#part-ba").getText()).contains("must exceed 65%");
		assertThat(find("#verdict").getText()).contains("United Kingdom (GB) is an RDP qualifying country");
		assertAccessibleAndFits();
		screenshot("journey-3-qualification");
		regionShot("readme-3-qualification", "#result", 1500);

		// the memo to file: the print stylesheet hides the form and the navigation
		driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
		try {
			assertThat(find("#qualification").isDisplayed()).isFalse();
			assertThat(find("#site").isDisplayed()).isFalse();
			assertThat(find("#memo-head").isDisplayed()).isTrue();
			assertThat(find("#memo-meta").getText()).contains("Source: GB").contains("rule bundle");
			assertThat(find("#part-ba").isDisplayed()).isTrue();
			screenshot("journey-3-qualification-memo-print");
		}
		finally {
			driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
		}
	}

	@Test
	void berryIsNotWaivedByAQualifyingCountry() {
		openForm();
		loadExample("berry-not-compliant-italian-uniforms");
		qualify();
		assertThat(find("#part-qc [data-value]").getText()).isEqualTo("yes");
		assertThat(find("#part-berry .badge").getAttribute("data-outcome")).isEqualTo("NOT_COMPLIANT");
		assertThat(find("#findings").getText()).contains("does not waive the Berry Amendment");
	}

	@Test
	void atAPhoneWidth() {
		atPhoneWidth();
		openForm();
		loadExample("qualifying-country-end-product-germany");
		qualify();
		assertThat(find("#part-ba .badge").getAttribute("data-outcome")).isEqualTo("QUALIFYING_COUNTRY_END_PRODUCT");
		assertAccessibleAndFits();
	}

}
