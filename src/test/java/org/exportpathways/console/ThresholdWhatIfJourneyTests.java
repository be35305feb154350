package org.exportpathways.console;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Policy staff: the threshold what-if over the bundled 2022/2024 sample and over an
 * uploaded CSV, the chart's data as Chart.js holds it, the sales that flip, and the
 * downloaded CSV.
 */
class ThresholdWhatIfJourneyTests extends ConsoleBrowser {

	@Test
	void theBundledSampleUnderTheSampleScenariosShowsTheCountsFlipsAndChart() throws Exception {
		open("/whatif.html");
		find("#use-sample").click();
		waitUntil((d) -> find("#file-status").getText().contains("48 sales"));
		find("#sample-scenarios").click();
		waitUntil((d) -> findAll("fieldset.scenario").size() == 4);
		find("#run").click();
		waitFor(By.cssSelector("#outcomes[data-rendered='true']"));

		@SuppressWarnings("unchecked")
		List<List<Long>> data = (List<List<Long>>) js(
				"return Chart.getChart('outcomes').data.datasets.map((d) => d.data)");
		// REQUIRED, NOT_REQUIRED, UNDETERMINED per scenario
		// (samples/simulateNotifications/*.expected.json)
		assertThat(data.get(0)).containsExactly(45L, 38L, 37L, 38L);
		assertThat(data.get(1)).containsExactly(0L, 0L, 0L, 0L);
		assertThat(data.get(2)).containsExactly(3L, 10L, 11L, 10L);
		assertThat(js("return Chart.getChart('outcomes').data.labels"))
			.isEqualTo(List.of("statutory", "dod-inflation-1.69", "cpi-u-to-2024", "fms-tiger-act"));
		assertThat(find("#summary").getText()).startsWith("Notification by scenario: \"statutory\": 45 required");
		assertThat(find("#counts tr[data-scenario='cpi-u-to-2024'] td[data-outcome='UNDETERMINED']").getText())
			.isEqualTo("11");
		assertThat(find("table.flips[data-to='dod-inflation-1.69'] tr[data-sale='2022-08-09-BR-1']").getText())
			.contains("BR")
			.contains("Notification required → Undetermined");
		assertThat(findAll("table.flips[data-to='cpi-u-to-2024'] tbody tr")).hasSize(8);
		assertThat(find("#footer").getText()).contains("Advisory only");
		assertAccessibleAndFits();
		screenshot("journey-1-threshold-what-if");

		Path csv = DOWNLOADS.resolve("simulation-results.csv");
		Files.deleteIfExists(csv);
		find("#download").click();
		waitUntil((d) -> Files.exists(csv) && csv.toFile().length() > 0);
		List<String> rows = Files.readAllLines(csv);
		assertThat(rows.get(0)).startsWith("scenario,id,asOf,outcome");
		assertThat(rows).hasSize(1 + 4 * 48);
		assertThat(rows).contains("statutory,2022-01-14-FR-1,2022-01-14,UNDETERMINED,15,,majorDefenseEquipmentValue,");
		assertThat(rows.stream().filter((r) -> r.startsWith("cpi-u-to-2024,") && r.contains(",UNDETERMINED,")))
			.hasSize(11);
	}

	@Test
	void anUploadedCsvWithUnknownValuesAndACustomScenario(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
		Path file = dir.resolve("my-sales.csv");
		Files.writeString(file, String.join("\n",
				"id,channel,recipient,asOf,majorDefenseEquipmentValue,totalValue,designAndConstructionValue,newSalesTerritory",
				"a,FMS,IN,2026-11-25,20000000,40000000,0,NONE", "b,FMS,DE,2026-11-25,,90000000,0,NONE",
				"=cmd,FMS,EG,2026-11-25,,60000000,0,NONE", ""));
		open("/whatif.html");
		find("#sales").sendKeys(file.toString());
		waitUntil((d) -> find("#file-status").getText().contains("3 sales"));
		// keep the statutory baseline only, then add a custom scenario raising the
		// standard tier
		for (var remove : findAll("fieldset.scenario button")) {
			if (!remove.getAttribute("aria-label").endsWith(" 1")) {
				remove.click();
			}
		}
		new Select(find("#add-kind")).selectByValue("CUSTOM");
		find("#add-scenario").click();
		var custom = findAll("fieldset.scenario").get(1);
		var name = custom.findElement(By.cssSelector("input[id$='-name']"));
		name.clear();
		name.sendKeys("bill");
		custom.findElement(By.cssSelector("input[id$='-standard-majorDefenseEquipment']")).sendKeys("23000000");
		custom.findElement(By.cssSelector("input[id$='-standard-defenseArticlesAndServices']")).sendKeys("83000000");
		find("#run").click();
		waitFor(By.cssSelector("#outcomes[data-rendered='true']"));
		@SuppressWarnings("unchecked")
		List<List<Long>> data = (List<List<Long>>) js(
				"return Chart.getChart('outcomes').data.datasets.map((d) => d.data)");
		// statutory: a (MDE 20M >= 14M) and =cmd (60M >= 50M) required; b: NATO+5, 90M <
		// 100M,
		// MDE unknown -> undetermined. bill: a's MDE 20M < 23M, total 40M < 83M -> not
		// required; =cmd's total 60M < 83M, MDE unknown -> undetermined.
		assertThat(data.get(0)).containsExactly(2L, 0L);
		assertThat(data.get(1)).containsExactly(0L, 1L);
		assertThat(data.get(2)).containsExactly(1L, 2L);
		assertThat(find("table.flips[data-to='bill']").getText()).contains("=cmd").contains("$60,000,000");
		Path csv = DOWNLOADS.resolve("simulation-results.csv");
		Files.deleteIfExists(csv);
		find("#download").click();
		waitUntil((d) -> Files.exists(csv) && csv.toFile().length() > 0);
		try (Stream<String> lines = Files.lines(csv)) {
			assertThat(lines.filter((l) -> l.contains("cmd")))
				.as("a cell a spreadsheet would run as a formula is written as text")
				.allMatch((l) -> l.contains(",'=cmd,"));
		}
	}

	@Test
	void noFileIsExplainedNotSent() {
		open("/whatif.html");
		find("#run").click();
		assertThat(waitFor(By.cssSelector("#error .problem")).getText()).contains("Choose a CSV file");
	}

	@Test
	void aBadCsvShowsTheProblemNamingTheRow(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
		Path file = dir.resolve("bad.csv");
		Files.writeString(file, "id,channel,recipient,totalValue\nx,FMS,ZZ,-5\n");
		open("/whatif.html");
		find("#sales").sendKeys(file.toString());
		waitUntil((d) -> find("#file-status").getText().contains("1 sales"));
		find("#run").click();
		String problem = waitFor(By.cssSelector("#error .problem")).getText();
		assertThat(problem).contains("400");
		new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(5))
			.until((d) -> !find("#run").getAttribute("aria-busy").equals("true"));
	}

}
