package org.exportpathways.notification;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.exportpathways.domain.InputError;

/**
 * What a simulation computes beyond each scenario's outcomes: each sale's break-even
 * inflation factor, and a sweep of the outcome counts over a range of factors. Both
 * multiply the statutory thresholds in force on each sale's date.
 *
 * @param breakEven whether to compute each sale's break-even factor
 * @param sweep the factors to count outcomes at, or null for none
 */
public record Analysis(boolean breakEven, Sweep sweep) {

	/** No break-even factors, no sweep. */
	public static final Analysis NONE = new Analysis(false, null);

	/** The most points a sweep may have. */
	public static final int MAX_SWEEP_POINTS = 201;

	/** Whether any per-sale probing of factors is needed. */
	public boolean probesFactors() {
		return breakEven || sweep != null;
	}

	/** Problems with the analysis; {@code field} is its JSON path. */
	public List<InputError> check(String field) {
		return (sweep == null) ? List.of() : sweep.check(field + ".sweep");
	}

	/**
	 * Inflation factors from {@code from} to {@code to} (inclusive) in steps of
	 * {@code step}.
	 */
	public record Sweep(BigDecimal from, BigDecimal to, BigDecimal step) {

		/** The factors of the sweep, in increasing order. */
		public List<BigDecimal> factors() {
			List<BigDecimal> out = new ArrayList<>();
			for (BigDecimal f = from; f.compareTo(to) <= 0 && out.size() < MAX_SWEEP_POINTS; f = f.add(step)) {
				out.add(f);
			}
			return out;
		}

		List<InputError> check(String field) {
			List<InputError> errors = new ArrayList<>();
			if (from == null || from.signum() <= 0) {
				errors.add(new InputError(field + ".from", "must be a factor greater than 0"));
			}
			if (step == null || step.signum() <= 0) {
				errors.add(new InputError(field + ".step", "must be greater than 0"));
			}
			if (to == null) {
				errors.add(new InputError(field + ".to", "is required"));
			}
			else if (from != null && to.compareTo(from) < 0) {
				errors.add(new InputError(field + ".to", "must not be below from " + from.toPlainString()));
			}
			if (errors.isEmpty()) {
				BigDecimal points = to.subtract(from).divide(step, 0, java.math.RoundingMode.FLOOR).add(BigDecimal.ONE);
				if (points.compareTo(BigDecimal.valueOf(MAX_SWEEP_POINTS)) > 0) {
					errors.add(new InputError(field, "a sweep has at most " + MAX_SWEEP_POINTS
							+ " points; this one has " + points.toPlainString() + " (raise step or narrow from-to)"));
				}
			}
			return errors;
		}

	}

}
