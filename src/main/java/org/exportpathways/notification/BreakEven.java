package org.exportpathways.notification;

import java.math.BigDecimal;
import java.util.List;

import org.exportpathways.kernel.Fmt;

/**
 * A sale's break-even inflation factor: the smallest factor applied to the statutory
 * thresholds in force on its date at which it no longer needs congressional notification.
 * Computed by the notification rules themselves ({@link FactorProbe}).
 *
 * @param kind what was found
 * @param factor the factor (six decimals), when {@code kind} is {@link Kind#FACTOR}
 * @param missing the request fields that would decide it, when {@link Kind#UNKNOWN}
 */
public record BreakEven(Kind kind, BigDecimal factor, List<String> missing) {

	/** What the probe found. */
	public enum Kind {

		/** The sale leaves notification at {@code factor} and above. */
		FACTOR,
		/**
		 * The sale needs notification at every factor (no dollar threshold decides it).
		 */
		NEVER,
		/** The sale needs no notification at any factor. */
		NOT_NEEDED,
		/** A missing value decides it; {@code missing} names it. */
		UNKNOWN

	}

	/** The break-even in plain words. */
	public String note() {
		return switch (kind) {
			case FACTOR -> "No longer needs notification once the statutory thresholds are multiplied by "
					+ factor.toPlainString() + " or more.";
			case NEVER -> "Needs notification at every inflation factor: what requires it is not a dollar threshold.";
			case NOT_NEEDED -> "Needs no notification at any inflation factor.";
			case UNKNOWN -> "Unknown until " + Fmt.list(missing) + " is given: at high factors the rules cannot decide "
					+ "without it.";
		};
	}

}
