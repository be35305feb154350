package org.exportpathways.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A dated parameter value in force on the evaluation date (e.g. a review period in days),
 * with its citation. {@code key} is the short name rules match on (e.g.
 * {@code review-period/nato-plus-5}).
 */
public record DatedValue(String key, String parameter, BigDecimal value, String citation, LocalDate effectiveFrom) {

	public int intValue() {
		return value.intValueExact();
	}

}
