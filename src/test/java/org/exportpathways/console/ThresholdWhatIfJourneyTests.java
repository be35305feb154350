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
		// the analysis the API computed: bounds, dollars possibly leaving review,
		// break-evens, the sweep
		assertThat(find("#counts tr[data-scenario='dod-inflation-1.69'] .bounds").getText())
			.isEqualTo("between 38 and 48");
		assertThat(find("#leaving-table tr[data-scenario='dod-inflation-1.69']").getText()).contains("$750,000,000");
		assertThat(find("table.flips[data-to='dod-inflation-1.69'] tr[data-sale='2022-08-09-BR-1'] .break-even")
			.getAttribute("data-kind")).isEqualTo("FACTOR");
		@SuppressWarnings("unchecked")
		List<Long> sweep = (List<Long>) js("return Chart.getChart('sweep').data.datasets[0].data");
		assertThat(sweep).hasSize(21).startsWith(45L).isSortedAccordingTo((a, b) -> Long.compare(b, a));
		assertThat(js("return Chart.getChart('sweep').data.labels[20]")).isEqualTo("2.00");
		assertAccessibleAndFits();
		screenshot("journey-1-threshold-what-if");
		regionShot("readme-1-threshold-what-if", "#results", 1500);

		Path csv = DOWNLOADS.resolve("simulation-results.csv");
		Files.deleteIfExists(csv);
		find("#download").click();
		waitUntil((d) -> Files.exists(csv) && csv.toFile().length() > 0);
		List<String> rows = Files.readAllLines(csv);
		assertThat(rows.get(0)).startsWith("scenario,id,asOf,outcome");
		assertThat(rows).hasSize(1 + 4 * 48);
		assertThat(rows).anyMatch((r) -> r.startsWith(
				"statutory,2022-01-14-FR-1,2022-01-14,UNDETERMINED,15,,majorDefenseEquipmentValue,FACTOR,3.52"));
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
	void theSampleAsABatchJobShowsProgressTheSameTotalsAndTheServersCsv() throws Exception {
		open("/whatif.html");
		find("#use-sample").click();
		waitUntil((d) -> find("#file-status").getText().contains("48 sales"));
		find("#sample-scenarios").click();
		waitUntil((d) -> findAll("fieldset.scenario").size() == 4);
		new Select(find("#asJob")).selectByValue("yes");
		find("#run").click();
		waitFor(By.cssSelector("#job[data-state='DONE']"));
		waitFor(By.cssSelector("#outcomes[data-rendered='true']"));
		assertThat(find("#progress").getAttribute("value")).isEqualTo("48");
		assertThat(find("#job-status").getText()).startsWith("Done: 48 of 48 sales");
		@SuppressWarnings("unchecked")
		List<List<Long>> data = (List<List<Long>>) js(
				"return Chart.getChart('outcomes').data.datasets.map((d) => d.data)");
		assertThat(data.get(0)).containsExactly(45L, 38L, 37L, 38L);
		assertThat(data.get(2)).containsExactly(3L, 10L, 11L, 10L);
		assertThat(findAll("table.flips[data-to='cpi-u-to-2024'] tbody tr")).hasSize(8);
		assertThat(find("#footer a").getAttribute("href")).contains("/decisions.html?id=");
		Path csv = DOWNLOADS.resolve("simulation-results.csv");
		Files.deleteIfExists(csv);
		find("#download").click();
		waitUntil((d) -> Files.exists(csv) && csv.toFile().length() > 0);
		List<String> rows = Files.readAllLines(csv);
		assertThat(rows.get(0)).startsWith("id,asOf,statutory.outcome");
		assertThat(rows).hasSize(49);
	}

	@Test
	void aLargeBatchRunsAsAJobThatCanBeCancelled(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
		StringBuilder csv = new StringBuilder(
				"id,channel,recipient,asOf,majorDefenseEquipmentValue,totalValue,designAndConstructionValue,newSalesTerritory\n");
		for (int i = 0; i < 6000; i++) {
			csv.append("s")
				.append(i)
				.append(",FMS,IN,2026-11-25,,")
				.append(10_000_000 + i * 10_000)
				.append(",0,NONE\n");
		}
		Path file = dir.resolve("large.csv");
		Files.writeString(file, csv);
		open("/whatif.html");
		find("#sales").sendKeys(file.toString());
		waitUntil((d) -> find("#file-status").getText().contains("6000 sales"));
		find("#run").click(); // "automatically for large files": more than 5,000 sales
								// run as a job
		waitUntil((d) -> find("#job").getAttribute("data-state") != null);
		find("#cancel-job").click();
		waitUntil((d) -> find("#status").getText().contains("cancelled"));
		assertThat(find("#job").getAttribute("data-state")).isEqualTo("CANCELLED");
		assertThat(find("#results").isDisplayed()).isFalse();
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
