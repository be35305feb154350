package org.exportpathways.jurisdiction;

import java.time.LocalDate;

/**
 * One question of the order of review, as the reference table holds it: its id, position,
 * text, citation, the answer field it sets and the kind of answer.
 */
public record Question(String id, int order, String field, String answer, String text, String citation,
		LocalDate effectiveFrom) {
}
