package org.exportpathways.console;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The console in a real headless Chromium (Debian {@code chromium} and
 * {@code chromium-driver}, which always match): one browser per test class, started only
 * once the browser is known to be there. Locally the tests skip without a browser; with
 * {@code CI=true} a missing browser fails them (a green CI cannot hide a missing
 * install). Every test ends with no browser console error and no CSP violation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ConsoleBrowser {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	static final Path SCREENSHOTS = Path.of("target/screenshots");

	static final Path DOWNLOADS = Path.of("target/console-downloads").toAbsolutePath();

	static ChromeDriver driver;

	@LocalServerPort
	int port;

	static boolean browserAvailable() {
		return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
	}

	@BeforeEach
	void startBrowser() throws IOException {
		if ("true".equals(System.getenv("CI")) && !browserAvailable()) {
			fail("CI must install chromium and chromium-driver (.ci/run does): the console's browser tests need them");
		}
		assumeTrue(browserAvailable(), "no /usr/bin/chromium and /usr/bin/chromedriver: browser tests skipped");
		if (driver == null) {
			Files.createDirectories(DOWNLOADS);
			Files.createDirectories(SCREENSHOTS);
			ChromeOptions o = new ChromeOptions();
			o.setBinary(CHROMIUM.toFile());
			LoggingPreferences logs = new LoggingPreferences();
			logs.enable(LogType.BROWSER, Level.ALL);
			o.setCapability("goog:loggingPrefs", logs);
			o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
					"--window-size=1280,1000", "--force-device-scale-factor=1",
					"--user-data-dir=" + Files.createTempDirectory("console-chromium"));
			Map<String, Object> prefs = new HashMap<>();
			prefs.put("download.default_directory", DOWNLOADS.toString());
			prefs.put("download.prompt_for_download", false);
			o.setExperimentalOption("prefs", prefs);
			ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
				.usingAnyFreePort()
				.withLogFile(new File("target/chromedriver.log"))
				.build();
			driver = new ChromeDriver(service, o);
		}
		driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
		driver.manage().window().setSize(new Dimension(1280, 1000));
	}

	@AfterEach
	void noConsoleErrors() {
		if (driver == null) {
			return;
		}
		List<LogEntry> entries = driver.manage().logs().get(LogType.BROWSER).getAll();
		List<String> errors = entries.stream()
			.filter((e) -> e.getLevel().intValue() >= Level.SEVERE.intValue())
			.map(LogEntry::getMessage)
			// a 4xx the page asked for on purpose (e.g. a refused request) is logged by
			// the
			// browser; the page shows it as a problem, which the tests assert
			.filter((m) -> !m.contains("the server responded with a status of 4"))
			.toList();
		assertThat(errors).as("browser console errors (CSP violations, script errors)").isEmpty();
	}

	@AfterAll
	static void stopBrowser() {
		if (driver != null) {
			driver.quit();
			driver = null;
		}
	}

	String url(String path) {
		return "http://localhost:" + port + path;
	}

	void open(String path) {
		driver.get(url(path));
		waitFor(By.cssSelector("#site nav"));
	}

	WebElement waitFor(By by) {
		return new WebDriverWait(driver, Duration.ofSeconds(30))
			.until(ExpectedConditions.visibilityOfElementLocated(by));
	}

	void waitUntil(java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
		new WebDriverWait(driver, Duration.ofSeconds(60)).until(condition);
	}

	WebElement find(String css) {
		return driver.findElement(By.cssSelector(css));
	}

	List<WebElement> findAll(String css) {
		return driver.findElements(By.cssSelector(css));
	}

	Object js(String script, Object... args) {
		return ((JavascriptExecutor) driver).executeScript(script, args);
	}

	/** A full-page screenshot (the window grown to the page's height). */
	Path screenshot(String name) throws IOException {
		js("window.scrollTo(0, 0)");
		Dimension before = driver.manage().window().getSize();
		long height = (Long) js("return Math.ceil(document.documentElement.scrollHeight)");
		driver.manage().window().setSize(new Dimension(before.getWidth(), (int) Math.min(Math.max(height, 600), 6000)));
		Path file = SCREENSHOTS.resolve(name + ".png");
		Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
		driver.manage().window().setSize(before);
		return file;
	}

	/**
	 * A screenshot of one part of the page (from its top, at most {@code maxHeight} CSS
	 * px), e.g. the answer below a long form: the README's pictures.
	 */
	Path regionShot(String name, String css, int maxHeight) throws IOException {
		@SuppressWarnings("unchecked")
		Map<String, Object> box = (Map<String, Object>) js(
				"const r = document.querySelector(arguments[0]).getBoundingClientRect();"
						+ "return {x: r.left + window.scrollX, y: r.top + window.scrollY, w: r.width, h: r.height};",
				css);
		double x = ((Number) box.get("x")).doubleValue();
		double y = ((Number) box.get("y")).doubleValue();
		double w = ((Number) box.get("w")).doubleValue();
		double h = Math.min(((Number) box.get("h")).doubleValue(), maxHeight);
		Map<String, Object> clip = Map.of("x", Math.max(0, x - 16), "y", Math.max(0, y - 16), "width", w + 32, "height",
				h + 32, "scale", 1);
		Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
				Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
		Path file = SCREENSHOTS.resolve(name + ".png");
		Files.write(file, java.util.Base64.getDecoder().decode((String) shot.get("data")));
		return file;
	}

	/**
	 * Every visible control has a label (a label element, aria-label or aria-labelledby),
	 * and the page is no wider than the window.
	 */
	void assertAccessibleAndFits() {
		@SuppressWarnings("unchecked")
		List<String> unlabelled = (List<String>) js("""
				return [...document.querySelectorAll('input, select, textarea, button')]
				  .filter((e) => e.offsetParent !== null && e.type !== 'hidden')
				  .filter((e) => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')
				    && !e.getAttribute('aria-labelledby') && !(e.tagName === 'BUTTON' && e.textContent.trim()))
				  .map((e) => e.outerHTML.slice(0, 120));""");
		assertThat(unlabelled).as("controls without a label").isEmpty();
		Long overflow = (Long) js(
				"return Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth)");
		assertThat(overflow).as("horizontal overflow in px at width %s", driver.manage().window().getSize().getWidth())
			.isZero();
	}

	/** A phone's viewport (390 x 844 CSS px, mobile), until {@link #atDesktopWidth()}. */
	void atPhoneWidth() {
		driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
	}

	void atDesktopWidth() {
		driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
	}

}
