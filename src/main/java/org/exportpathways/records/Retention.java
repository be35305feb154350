package org.exportpathways.records;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the records older than {@code exportpathways.records.retention-days} (none when
 * 0); scheduled every {@code retention-check}.
 */
public class Retention {

	private static final Logger log = LoggerFactory.getLogger(Retention.class);

	private final DecisionRepository repository;

	private final RecordsProperties props;

	private final Clock clock;

	public Retention(DecisionRepository repository, RecordsProperties props, Clock clock) {
		this.repository = repository;
		this.props = props;
		this.clock = clock;
	}

	/** Runs once; returns how many records it deleted. */
	public int run() {
		if (props.days() <= 0) {
			return 0;
		}
		Instant cutoff = clock.instant().minus(Duration.ofDays(props.days()));
		int n = repository.deleteReceivedBefore(cutoff);
		if (n > 0) {
			log.info("Retention: deleted {} decision records received before {}", n, cutoff);
		}
		return n;
	}

}
