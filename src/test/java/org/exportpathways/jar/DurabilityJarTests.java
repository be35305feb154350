package org.exportpathways.jar;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An acknowledged decision survives {@code kill -9}: the packaged jar (embedded H2 in a
 * fresh data folder) answers a burst of concurrent evaluations, is killed with SIGKILL
 * while requests are still in flight, restarted on the same folder, and every decision it
 * acknowledged (a 200 with a {@code decisionId}) is found in its records.
 */
class DurabilityJarTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void everyAcknowledgedDecisionSurvivesKillMinus9() throws Exception {
		Path jar = Path.of(System.getProperty("packaged.jar", "target/export-pathways-0.1.0-SNAPSHOT.jar"));
		assertThat(jar).as("the packaged jar (run ./mvnw verify)").exists();
		Path data = Files.createTempDirectory("export-pathways-data-");
		String evaluation = Files.readString(Path.of("samples/evaluateNotification/fms-required-india-mde.json"));
		Set<String> acknowledged = ConcurrentHashMap.newKeySet();
		int port = PackagedJarTests.freePort();
		Path log = Files.createTempFile("durability-", ".log");
		Process app = start(jar, port, data, log);
		String base = "http://127.0.0.1:" + port;
		String job;
		try {
			awaitReady(base, app, log);
			// a batch job accepted before the kill must still be done after the restart
			HttpResponse<String> accepted = http
				.send(HttpRequest.newBuilder(URI.create(base + "/v1/notifications/simulations/jobs"))
					.timeout(Duration.ofSeconds(120))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(jobBody(JOB_SALES)))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
			job = accepted.headers().firstValue("Location").orElseThrow();
			AtomicBoolean stop = new AtomicBoolean();
			List<Thread> clients = new ArrayList<>();
			for (int t = 0; t < 8; t++) {
				Thread th = new Thread(() -> {
					while (!stop.get()) {
						try {
							HttpResponse<String> r = http
								.send(HttpRequest.newBuilder(URI.create(base + "/v1/notifications/evaluations"))
									.timeout(Duration.ofSeconds(30))
									.header("Content-Type", "application/json")
									.POST(HttpRequest.BodyPublishers.ofString(evaluation))
									.build(), HttpResponse.BodyHandlers.ofString());
							if (r.statusCode() == 200) {
								acknowledged.add(JSON.readTree(r.body()).path("decisionId").asString());
							}
						}
						catch (IOException | InterruptedException ex) {
							return; // the process is gone
						}
					}
				});
				th.start();
				clients.add(th);
			}
			// at least 30 acknowledged (the machine may be slow), then kill mid-burst
			long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
			while (acknowledged.size() < 30 && System.nanoTime() < until) {
				Thread.sleep(100);
			}
			app.destroyForcibly(); // SIGKILL, requests in flight
			app.waitFor(20, TimeUnit.SECONDS);
			stop.set(true);
			for (Thread th : clients) {
				th.join(60_000);
			}
		}
		finally {
			if (app.isAlive()) {
				app.destroyForcibly().waitFor();
			}
		}
		assertThat(acknowledged).as("decisions acknowledged before the kill").hasSizeGreaterThan(20);

		int port2 = PackagedJarTests.freePort();
		Process again = start(jar, port2, data, log);
		try {
			String base2 = "http://127.0.0.1:" + port2;
			awaitReady(base2, again, log);
			List<String> lost = new ArrayList<>();
			for (String id : acknowledged) {
				HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base2 + "/v1/decisions/" + id))
					.timeout(Duration.ofSeconds(30))
					.GET()
					.build(), HttpResponse.BodyHandlers.ofString());
				if (r.statusCode() != 200) {
					lost.add(id + " " + r.statusCode());
				}
			}
			System.out.println("kill -9: " + acknowledged.size() + " decisions acknowledged, " + lost.size() + " lost");
			assertThat(lost).as("acknowledged decisions lost by kill -9").isEmpty();
			// the job accepted before the kill runs again from its spooled input, to the
			// end
			long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(8);
			String state = "";
			while (System.nanoTime() < until) {
				state = JSON.readTree(get(base2 + job)).path("state").asString();
				if (!state.equals("QUEUED") && !state.equals("RUNNING")) {
					break;
				}
				Thread.sleep(500);
			}
			assertThat(state).as("the job accepted before kill -9").isEqualTo("DONE");
			assertThat(JSON.readTree(get(base2 + job + "/results")).size()).isEqualTo(JOB_SALES);
		}
		finally {
			again.destroy();
			if (!again.waitFor(20, TimeUnit.SECONDS)) {
				again.destroyForcibly().waitFor();
			}
		}
	}

	static final int JOB_SALES = 4000;

	/** A JSON batch whose break-even and sweep keep the job busy for a while. */
	static String jobBody(int n) {
		StringBuilder sales = new StringBuilder();
		for (int i = 0; i < n; i++) {
			long total = 1_000_000L * (1 + (i * 7919L) % 400);
			sales.append((i == 0) ? "" : ",")
				.append("{\"id\":\"s")
				.append(i)
				.append("\",\"channel\":\"FMS\",\"recipient\":\"IN\",\"asOf\":\"2025-06-02\",\"totalValue\":")
				.append(total)
				.append(",\"majorDefenseEquipmentValue\":")
				.append(total / 3)
				.append('}');
		}
		return "{\"sales\":[" + sales + "],\"scenarios\":[{\"name\":\"law\",\"kind\":\"STATUTORY\"}],"
				+ "\"analysis\":{\"breakEven\":true,\"sweep\":{\"from\":0.5,\"to\":2.5,\"step\":0.01}}}";
	}

	String get(String url) throws IOException, InterruptedException {
		HttpResponse<String> r = http.send(
				HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(r.statusCode()).as(url + ": " + r.body()).isEqualTo(200);
		return r.body();
	}

	static Process start(Path jar, int port, Path data, Path log) throws IOException {
		return new ProcessBuilder(PackagedJarTests.javaBin(), "-Xmx512m", "-jar", jar.toAbsolutePath().toString(),
				"--server.port=" + port, "--exportpathways.data-dir=" + data.toAbsolutePath())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
			.start();
	}

	void awaitReady(String base, Process app, Path log) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
		while (System.nanoTime() < deadline) {
			if (!app.isAlive()) {
				throw new AssertionError("the jar exited with " + app.exitValue() + ":\n" + PackagedJarTests.tail(log));
			}
			try {
				HttpResponse<String> r = http
					.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness"))
						.timeout(Duration.ofSeconds(30))
						.GET()
						.build(), HttpResponse.BodyHandlers.ofString());
				if (r.statusCode() == 200) {
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

}
