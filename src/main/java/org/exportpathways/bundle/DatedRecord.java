package org.exportpathways.bundle;

import java.time.LocalDate;
import java.util.Map;

/**
 * A row of a dated reference table: its own columns ({@code values}), in force from
 * {@code effectiveFrom} (inclusive; null means since before the bundle's coverage) to
 * {@code effectiveTo} (exclusive; null means open-ended), with the citation that makes it
 * true and the source it was read in.
 */
public record DatedRecord(String table, Map<String, String> values, LocalDate effectiveFrom, LocalDate effectiveTo,
		String citation, String source, String note) {

	public boolean inForce(LocalDate date) {
		return (effectiveFrom == null || !date.isBefore(effectiveFrom))
				&& (effectiveTo == null || date.isBefore(effectiveTo));
	}

	/** A column's value ("" when the cell is empty). */
	public String get(String column) {
		String v = values.get(column);
		if (v == null) {
			throw new IllegalArgumentException("Table " + table + " has no column " + column);
		}
		return v;
	}

	/** The {@code iso2} column. */
	public String country() {
		return get("iso2");
	}

}
