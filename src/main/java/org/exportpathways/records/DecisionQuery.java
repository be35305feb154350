package org.exportpathways.records;

import java.time.Instant;

/**
 * A search of the records: each filter optional; {@code before} is the cursor (the
 * sequence number of the last record of the previous page).
 */
public record DecisionQuery(String kind, String outcome, String country, Instant from, Instant to, Long before,
		int limit) {
}
