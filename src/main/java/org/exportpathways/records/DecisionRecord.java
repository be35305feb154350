package org.exportpathways.records;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One decision as answered: its id, the operation ({@code kind}), when it was received,
 * the request and the response (JSON), the ruleset version and the business date that
 * decided it; the outcome and country are kept for searching.
 */
public record DecisionRecord(String id, String kind, Instant receivedAt, String rulesetVersion, LocalDate asOf,
		String outcome, String country, String request, String response) {
}
