package org.exportpathways.jar;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console is served from the packaged jar ({@code java -jar}, as users start it):
 * every page, script, stylesheet, the Chart.js WebJar and the bundled samples, under the
 * security headers; and, where Chromium is installed (always in CI), the what-if journey
 * runs in the browser against the jar. Run by maven-failsafe at {@code verify}.
 */
class ConsolePackagedJarTests {

	static final List<String> ASSETS = List.of("/", "/index.html", "/whatif.html", "/screen.html", "/qualify.html",
			"/decisions.html", "/country.html", "/parameters.html", "/console/console.css", "/console/common.js",
			"/console/forms.js", "/console/whatif.js", "/console/screen.js", "/console/qualify.js",
			"/console/decisions.js", "/console/country.js", "/console/parameters.js",
			"/webjars/chart.js/dist/chart.umd.min.js", "/console/samples/scenarios.json",
			"/console/samples/screenTransfer/prohibited-itar-russia.json",
			"/console/samples/qualifySource/undetermined-shares-unknown-uk.json");

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void theConsoleIsServedFromThePackagedJar() throws Exception {
		Path jar = Path.of(System.getProperty("packaged.jar", "target/export-pathways-0.1.0-SNAPSHOT.jar"));
		assertThat(jar).as("the packaged jar (run ./mvnw verify)").exists();
		int port = PackagedJarTests.freePort();
		Path log = Files.createTempFile("console-jar-", ".log");
		Process app = new ProcessBuilder(PackagedJarTests.javaBin(), "-Xmx512m", "-jar",
				jar.toAbsolutePath().toString(), "--server.port=" + port,
				"--exportpathways.data-dir=" + Files.createTempDirectory("console-jar-data-"))
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		try {
			String base = "http://127.0.0.1:" + port;
			awaitReady(base, app, log);
			for (String asset : ASSETS) {
				HttpResponse<String> r = get(base + asset);
				assertThat(r.statusCode()).as(asset).isEqualTo(200);
				assertThat(r.body()).as(asset).isNotBlank();
				assertThat(r.headers().firstValue("Content-Security-Policy")).as(asset).isPresent();
				String type = r.headers().firstValue("Content-Type").orElse("");
				if (asset.endsWith(".js")) {
					assertThat(type).as(asset).contains("javascript");
				}
				if (asset.endsWith(".html") || asset.equals("/")) {
					assertThat(type).as(asset).contains("text/html");
				}
			}
			assertThat(get(base + "/console/samples/fms-2022-2024.csv").body())
				.isEqualTo(Files.readString(Path.of("samples/simulateNotifications/fms-2022-2024.csv")));
			assertThat(get(base + "/console/samples/screenTransfer/prohibited-itar-russia.expected.json").statusCode())
				.as("only the requests are offered")
				.isEqualTo(404);
			assertThat(get(base + "/v1/parameters?asOf=2026-11-25").body()).contains("micro-purchase-threshold");
			if (Files.isExecutable(Path.of("/usr/bin/chromium"))
					&& Files.isExecutable(Path.of("/usr/bin/chromedriver"))) {
				whatIfInTheBrowser(base);
			}
			else {
				assertThat(System.getenv("CI")).as("CI must install chromium and chromium-driver").isNotEqualTo("true");
			}
		}
		finally {
			app.destroy();
			if (!app.waitFor(20, TimeUnit.SECONDS)) {
				app.destroyForcibly().waitFor();
			}
		}
	}

	private void whatIfInTheBrowser(String base) throws IOException {
		ChromeOptions o = new ChromeOptions();
		o.setBinary(new File("/usr/bin/chromium"));
		o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--window-size=1280,1000", "--user-data-dir=" + Files.createTempDirectory("console-jar-chromium"));
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File("/usr/bin/chromedriver"))
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, o);
		try {
			driver.get(base + "/whatif.html");
			driver.findElement(By.id("use-sample")).click();
			new WebDriverWait(driver, Duration.ofSeconds(30))
				.until(ExpectedConditions.textToBePresentInElementLocated(By.id("file-status"), "48 sales"));
			driver.findElement(By.id("run")).click();
			new WebDriverWait(driver, Duration.ofSeconds(120))
				.until(ExpectedConditions.attributeToBe(By.id("outcomes"), "data-rendered", "true"));
			Object required = driver.executeScript("return Chart.getChart('outcomes').data.datasets[0].data");
			// statutory, factor 1.69, CPI-U to 2024 (the page's default scenarios)
			assertThat(required).isEqualTo(List.of(45L, 38L, 37L));
			assertThat(driver.executeScript("return document.querySelector('#site nav') !== null")).isEqualTo(true);
		}
		finally {
			driver.quit();
		}
	}

	private void awaitReady(String base, Process app, Path log) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
		while (System.nanoTime() < deadline) {
			if (!app.isAlive()) {
				throw new AssertionError("the jar exited with " + app.exitValue() + ":\n" + PackagedJarTests.tail(log));
			}
			try {
				if (get(base + "/actuator/health/readiness").statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(200);
		}
		throw new AssertionError("the jar was not ready within 240 s:\n" + PackagedJarTests.tail(log));
	}

	private HttpResponse<String> get(String url) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
