package org.exportpathways.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.exportpathways.Application;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Benchmark, not a test: evaluations per second over HTTP with decision recording on
 * (every answer committed to the embedded H2 database before it is sent, group commit)
 * and off, in one run, alternating rounds so both see the same machine. Run with
 * {@code ./mvnw -q -Pbench test-compile exec:exec -Dbench.main=org.exportpathways.bench.RecordingThroughput}
 * (see README, Benchmarks). Arguments: clients (16), seconds per round (10), rounds (3).
 */
public final class RecordingThroughput {

	private RecordingThroughput() {
	}

	public static void main(String[] args) throws Exception {
		int clients = (args.length > 0) ? Integer.parseInt(args[0]) : 16;
		int seconds = (args.length > 1) ? Integer.parseInt(args[1]) : 10;
		int rounds = (args.length > 2) ? Integer.parseInt(args[2]) : 3;
		String body = Files.readString(Path.of("samples/evaluateNotification/fms-required-india-mde.json"));
		Path data = Files.createTempDirectory("bench-data-");
		ConfigurableApplicationContext on = start(true, data);
		ConfigurableApplicationContext off = start(false, data.resolve("off"));
		String onUrl = url(on);
		String offUrl = url(off);
		run(onUrl, body, clients, 5);
		run(offUrl, body, clients, 5);
		double sumOn = 0;
		double sumOff = 0;
		for (int r = 1; r <= rounds; r++) {
			double a = run(offUrl, body, clients, seconds);
			double b = run(onUrl, body, clients, seconds);
			sumOff += a;
			sumOn += b;
			System.out.printf("round %d: recording off %.0f/s, on %.0f/s (%.0f%%)%n", r, a, b, 100 * b / a);
		}
		System.out.printf("%d clients, %d x %d s: recording off %.0f evaluations/s, on %.0f/s: %.0f%% kept%n", clients,
				rounds, seconds, sumOff / rounds, sumOn / rounds, 100 * sumOn / sumOff);
		on.close();
		off.close();
	}

	static ConfigurableApplicationContext start(boolean recording, Path data) {
		return SpringApplication.run(Application.class, "--server.port=0",
				"--exportpathways.records.enabled=" + recording, "--exportpathways.data-dir=" + data.toAbsolutePath(),
				"--logging.level.root=WARN", "--spring.main.banner-mode=off");
	}

	static String url(ConfigurableApplicationContext ctx) {
		return "http://127.0.0.1:" + ctx.getEnvironment().getProperty("local.server.port")
				+ "/v1/notifications/evaluations";
	}

	static double run(String url, String body, int clients, int seconds) throws InterruptedException {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		AtomicLong done = new AtomicLong();
		AtomicLong failed = new AtomicLong();
		long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
		List<Thread> threads = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			Thread t = new Thread(() -> {
				HttpRequest req = HttpRequest.newBuilder(URI.create(url))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(body))
					.build();
				while (System.nanoTime() < end) {
					try {
						HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
						((r.statusCode() == 200) ? done : failed).incrementAndGet();
					}
					catch (Exception ex) {
						failed.incrementAndGet();
					}
				}
			});
			t.start();
			threads.add(t);
		}
		for (Thread t : threads) {
			t.join();
		}
		if (failed.get() > 0) {
			System.out.println("  " + failed.get() + " failed requests");
		}
		return done.get() / (double) seconds;
	}

}
