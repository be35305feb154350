package org.exportpathways.reference;

import java.time.LocalDate;

/**
 * A row of a dated membership table: in force from {@code effectiveFrom} (inclusive; null means since before the
 * bundle's coverage) to {@code effectiveTo} (exclusive; null means open-ended).
 */
public record DatedRow(String list, String country, LocalDate effectiveFrom, LocalDate effectiveTo, String citation,
		String source, String note) {

	public boolean inForce(LocalDate date) {
		return (effectiveFrom == null || !date.isBefore(effectiveFrom))
				&& (effectiveTo == null || date.isBefore(effectiveTo));
	}

}
