package org.exportpathways;

import java.time.Clock;

import javax.sql.DataSource;

import org.exportpathways.records.DecisionRecorder;
import org.exportpathways.records.DecisionRepository;
import org.exportpathways.records.RecordsProperties;
import org.exportpathways.records.Retention;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Decision records: the repository over the application's datasource (H2 file in
 * {@code exportpathways.data-dir} by default, PostgreSQL in the {@code postgres} profile;
 * schema by Flyway), the group-commit recorder, and retention on a schedule.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class RecordsConfiguration {

	@Bean
	DecisionRepository decisionRepository(DataSource dataSource) {
		return new DecisionRepository(dataSource);
	}

	@Bean(destroyMethod = "close")
	DecisionRecorder decisionRecorder(DecisionRepository repository) {
		return new DecisionRecorder(repository);
	}

	@Bean
	Retention retention(DecisionRepository repository, RecordsProperties props, Clock clock) {
		return new Retention(repository, props, clock);
	}

	@Bean
	RetentionSchedule retentionSchedule(Retention retention) {
		return new RetentionSchedule(retention);
	}

	/** Runs the retention every {@code exportpathways.records.retention-check}. */
	static class RetentionSchedule {

		private final Retention retention;

		RetentionSchedule(Retention retention) {
			this.retention = retention;
		}

		@Scheduled(fixedDelayString = "${exportpathways.records.retention-check:PT1H}",
				initialDelayString = "${exportpathways.records.retention-check:PT1H}")
		void run() {
			retention.run();
		}

	}

}
