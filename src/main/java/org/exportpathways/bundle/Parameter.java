package org.exportpathways.bundle;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One dated, cited parameter (OpenFisca style): its id is its pack, then its path under
 * the pack's {@code parameters/} without {@code .yaml}
 * ({@code rules/procurement/parameters/micro-purchase-threshold.yaml} is
 * {@code procurement/micro-purchase-threshold}); values are keyed by effective date,
 * ascending; a null value ends the previous one.
 */
public record Parameter(String id, String description, String unit, List<Reference> references, List<Value> values) {

	/** A legal reference of the parameter. */
	public record Reference(String title, String href) {
	}

	/**
	 * A value from {@code effectiveFrom}. {@code baseYear} is the year the amount was
	 * last set, for index what-ifs (defaults to the year of {@code effectiveFrom});
	 * {@code inForceBefore}: the value was in force before {@code effectiveFrom}, whose
	 * date is not when it took effect (see {@link #since()}).
	 */
	public record Value(LocalDate effectiveFrom, BigDecimal value, int baseYear, boolean inForceBefore) {

		public Value(LocalDate effectiveFrom, BigDecimal value, int baseYear) {
			this(effectiveFrom, value, baseYear, false);
		}

		/**
		 * The date the value took effect, to report: null when the value was already in
		 * force before {@code effectiveFrom} (marked {@code in_force_before}: the date is
		 * where the bundle's data begins, not when the law set the value).
		 */
		public LocalDate since() {
			return inForceBefore ? null : effectiveFrom;
		}

	}

	/** The value in force on {@code date}, if any. */
	public Optional<Value> at(LocalDate date) {
		Value found = null;
		for (Value v : values) {
			if (v.effectiveFrom().isAfter(date)) {
				break;
			}
			found = v;
		}
		return (found == null || found.value() == null) ? Optional.empty() : Optional.of(found);
	}

	/**
	 * The file the parameter is read from, for messages:
	 * {@code rules/<pack>/parameters/<path>.yaml}.
	 */
	public String file() {
		int slash = id.indexOf('/');
		return "rules/" + id.substring(0, slash + 1) + "parameters/" + id.substring(slash + 1) + ".yaml";
	}

	/**
	 * The date the value in force on {@code date} gives way to the next value (null: none
	 * follows).
	 */
	public LocalDate endOf(LocalDate date) {
		for (Value v : values) {
			if (v.effectiveFrom().isAfter(date)) {
				return v.effectiveFrom();
			}
		}
		return null;
	}

	/** The citation to report: the titles of the references joined. */
	public String citation() {
		return String.join("; ", references.stream().map(Reference::title).toList());
	}

}
