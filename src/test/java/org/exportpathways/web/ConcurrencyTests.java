package org.exportpathways.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Stream;

import org.exportpathways.api.model.NotificationRequestDto;
import org.exportpathways.api.model.QualificationRequestDto;
import org.exportpathways.api.model.ScreeningRequestDto;
import org.exportpathways.api.model.SimulationRequestDto;
import org.exportpathways.kernel.RuleEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many threads × every regime × every sample: each answer, decided concurrently with the
 * others, is compared with the answer the same request got alone on one thread. At least
 * 100,000 rule decisions; 0 errors and 0 mismatches. The batch simulation sample is in
 * the mix, so batch work on the decision executor runs beside single decisions.
 */
@SpringBootTest
class ConcurrencyTests {

	static final int THREADS = 16;

	static final long DECISIONS = 100_000;

	@Autowired
	NotificationController notifications;

	@Autowired
	ScreeningController screenings;

	@Autowired
	SourceController sources;

	@Autowired
	RuleEngine engine;

	@Autowired
	JsonMapper json;

	/** A sample request: its name and the call that answers it as JSON. */
	record Sample(String name, Function<String, Object> call, String body) {
	}

	@Test
	void concurrentAnswersEqualSingleThreadedAnswersForEveryRegime() throws Exception {
		List<Sample> samples = new ArrayList<>();
		samples.addAll(samples("evaluateNotification",
				(b) -> notifications.evaluateNotification(json.readValue(b, NotificationRequestDto.class)).getBody()));
		samples.addAll(samples("simulateNotifications",
				(b) -> notifications.simulateNotifications(json.readValue(b, SimulationRequestDto.class)).getBody()));
		samples.addAll(samples("screenTransfer",
				(b) -> screenings.screenTransfer(json.readValue(b, ScreeningRequestDto.class)).getBody()));
		samples.addAll(samples("qualifySource",
				(b) -> sources.qualifySource(json.readValue(b, QualificationRequestDto.class)).getBody()));
		assertThat(samples).hasSizeGreaterThan(40);

		List<String> alone = new ArrayList<>();
		for (Sample s : samples) {
			alone.add(answer(s));
		}

		long start = engine.decisions();
		AtomicLong answers = new AtomicLong();
		AtomicLong mismatches = new AtomicLong();
		List<String> errors = Collections.synchronizedList(new ArrayList<>());
		ConcurrentHashMap<String, Boolean> regimesSeen = new ConcurrentHashMap<>();
		CountDownLatch go = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		List<Future<?>> workers = new ArrayList<>();
		for (int t = 0; t < THREADS; t++) {
			Random random = new Random(t);
			workers.add(pool.submit(() -> {
				go.await();
				while (engine.decisions() - start < DECISIONS && errors.size() < 10) {
					int i = random.nextInt(samples.size());
					Sample s = samples.get(i);
					try {
						String a = answer(s);
						answers.incrementAndGet();
						regimesSeen.put(s.name().substring(0, s.name().indexOf('/')), true);
						if (!a.equals(alone.get(i))) {
							mismatches.incrementAndGet();
							errors.add("mismatch on " + s.name());
						}
					}
					catch (RuntimeException ex) {
						errors.add(s.name() + ": " + ex);
					}
				}
				return null;
			}));
		}
		long t0 = System.nanoTime();
		go.countDown();
		for (Future<?> w : workers) {
			w.get(10, TimeUnit.MINUTES);
		}
		pool.shutdown();
		long decided = engine.decisions() - start;
		double seconds = (System.nanoTime() - t0) / 1e9;
		System.out.printf(
				"ConcurrencyTests: %d threads, %d answers, %d rule decisions in %.1f s (%.0f decisions/s), "
						+ "%d errors, %d mismatches%n",
				THREADS, answers.get(), decided, seconds, decided / seconds, errors.size(), mismatches.get());

		assertThat(errors).as("errors and mismatches under concurrency").isEmpty();
		assertThat(mismatches.get()).isZero();
		assertThat(engine.decisions() - start).isGreaterThanOrEqualTo(DECISIONS);
		assertThat(regimesSeen.keySet()).containsExactlyInAnyOrder("evaluateNotification", "simulateNotifications",
				"screenTransfer", "qualifySource");
		assertThat(engine.discardedSessions()).as("sessions discarded after a failed firing").isZero();
		assertThat(answers.get()).isPositive();
	}

	private String answer(Sample s) {
		return json.writeValueAsString(s.call().apply(s.body()));
	}

	private static List<Sample> samples(String folder, Function<String, Object> call) throws IOException {
		try (Stream<Path> files = Files.list(Path.of("samples", folder))) {
			List<Sample> list = new ArrayList<>();
			for (Path p : files.sorted().toList()) {
				String name = p.getFileName().toString();
				if (name.endsWith(".json") && !name.endsWith(".expected.json") && !name.equals("scenarios.json")) {
					list.add(new Sample(folder + "/" + name, call, Files.readString(p)));
				}
			}
			return list;
		}
	}

}
