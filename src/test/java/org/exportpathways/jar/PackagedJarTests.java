package org.exportpathways.jar;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the packaged jar as users start it ({@code java -jar}, on a free port, from a
 * fresh start each time) and sends a batch simulation as the very first request. Before
 * the fix, most fresh starts of the packaged jar answered that first batch with a 500
 * (Drools truth maintenance looked up from a common-pool thread that could not see
 * {@code drools-tms} inside the jar) and every later request failed too. Run by
 * maven-failsafe at {@code verify}, after the jar is built; {@code -Dpackaged.jar} names
 * the jar.
 */
class PackagedJarTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final int FRESH_STARTS = Integer.getInteger("packaged.starts", 4);

	static final Path SAMPLES = Path.of("samples");

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void aBatchSimulationAsTheFirstRequestAnswersCorrectlyOnEveryFreshStart() throws Exception {
		Path jar = Path.of(System.getProperty("packaged.jar", "target/export-pathways-0.1.0-SNAPSHOT.jar"));
		assertThat(jar).as("the packaged jar (run ./mvnw verify)").exists();
		JsonNode expected = JSON
			.readTree(SAMPLES.resolve("simulateNotifications/fms-2022-2024.expected.json").toFile());
		String simulation = Files.readString(SAMPLES.resolve("simulateNotifications/fms-2022-2024.json"));
		String evaluation = Files.readString(SAMPLES.resolve("evaluateNotification/fms-required-india-mde.json"));
		List<String> failures = new ArrayList<>();
		for (int start = 1; start <= FRESH_STARTS; start++) {
			int port = freePort();
			Path log = Files.createTempFile("packaged-jar-", ".log");
			Process app = new ProcessBuilder(javaBin(), "-Xmx512m", "-jar", jar.toAbsolutePath().toString(),
					"--server.port=" + port, "--exportpathways.data-dir=" + Files.createTempDirectory("packaged-data-"))
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			try {
				String base = "http://127.0.0.1:" + port;
				awaitReady(base, app, log);
				HttpResponse<String> first = post(base + "/v1/notifications/simulations", simulation);
				if (first.statusCode() != 200) {
					failures.add("start " + start + ": first simulation answered " + first.statusCode() + " "
							+ first.body());
					continue;
				}
				ObjectNode actual = (ObjectNode) JSON.readTree(first.body());
				actual.remove("rulesetVersion");
				actual.remove("decisionId");
				assertThat(actual).as("start %d: the simulation's answer", start).isEqualTo(expected);
				HttpResponse<String> next = post(base + "/v1/notifications/evaluations", evaluation);
				assertThat(next.statusCode()).as("start %d: the evaluation after the batch", start).isEqualTo(200);
				assertThat(JSON.readTree(next.body()).path("outcome").asString()).isEqualTo("REQUIRED");
				HttpResponse<String> ready = get(base + "/actuator/health/readiness");
				assertThat(ready.statusCode()).isEqualTo(200);
				assertThat(ready.body()).contains("\"UP\"");
			}
			finally {
				app.destroy();
				if (!app.waitFor(20, TimeUnit.SECONDS)) {
					app.destroyForcibly().waitFor();
				}
			}
		}
		assertThat(failures).as("fresh starts whose first batch failed").isEmpty();
	}

	private void awaitReady(String base, Process app, Path log) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
		while (System.nanoTime() < deadline) {
			if (!app.isAlive()) {
				throw new AssertionError("the jar exited with " + app.exitValue() + ":\n" + tail(log));
			}
			try {
				HttpResponse<String> r = get(base + "/actuator/health/readiness");
				if (r.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(200);
		}
		throw new AssertionError("the jar was not ready within 240 s:\n" + tail(log));
	}

	private HttpResponse<String> post(String url, String body) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String url) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	static int freePort() throws IOException {
		try (ServerSocket s = new ServerSocket(0)) {
			return s.getLocalPort();
		}
	}

	static String javaBin() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	static String tail(Path log) throws IOException {
		List<String> lines = Files.readAllLines(log);
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
	}

}
