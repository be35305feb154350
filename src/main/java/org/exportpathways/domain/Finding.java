package org.exportpathways.domain;

import java.time.LocalDate;

/**
 * One fired rule, explained: its stable id and name, the legal citation it implements, a
 * message naming the value and the limit compared, and the period of the rule or data row
 * it relied on ({@code effectiveTo} exclusive, null when open-ended).
 */
public record Finding(String ruleId, String rule, String citation, String message, Severity severity,
		LocalDate effectiveFrom, LocalDate effectiveTo) {
}
