package org.exportpathways.notification;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.exportpathways.domain.InputError;

import org.exportpathways.notification.ThresholdKind;
import org.exportpathways.notification.Tier;

/**
 * A what-if applied to the dollar thresholds: the statutory amounts, the amounts times a
 * factor or an index ratio, or explicit amounts. Fields unused by the kind must be null
 * (checked by {@link ThresholdResolver}).
 */
public record Scenario(Kind kind, BigDecimal factor, Index index, Integer toYear,
		Map<Tier, Map<ThresholdKind, BigDecimal>> custom, BigDecimal customFirearms) {

	public static final Scenario STATUTORY = new Scenario(Kind.STATUTORY, null, null, null, null, null);

	/** The kinds of what-if. */
	public enum Kind {

		STATUTORY, INFLATION_ADJUSTED, CUSTOM

	}

	/** The price indexes an inflation adjustment may follow. */
	public enum Index {

		CPI_U

	}

	/**
	 * Checks the scenario's fields against its kind; {@code field} is the JSON path of
	 * the scenario.
	 */
	public List<InputError> check(String field) {
		List<InputError> errors = new ArrayList<>();
		switch (kind()) {
			case STATUTORY -> {
				if (factor() != null || index() != null || toYear() != null || custom() != null
						|| customFirearms() != null) {
					errors.add(new InputError(field, "STATUTORY takes no factor, index, toYear or thresholds"));
				}
			}
			case INFLATION_ADJUSTED -> {
				if (custom() != null || customFirearms() != null) {
					errors.add(new InputError(field + ".thresholds", "thresholds are only used with CUSTOM"));
				}
				if (factor() != null && (index() != null || toYear() != null)) {
					errors.add(new InputError(field, "give either factor, or index and toYear, not both"));
				}
				else if (factor() == null && (index() == null || toYear() == null)) {
					errors.add(new InputError(field, "INFLATION_ADJUSTED needs a factor, or an index and a toYear"));
				}
			}
			case CUSTOM -> {
				if (factor() != null || index() != null || toYear() != null) {
					errors.add(new InputError(field, "CUSTOM takes thresholds only (no factor, index or toYear)"));
				}
				boolean none = (custom() == null || custom().values().stream().allMatch(Map::isEmpty))
						&& customFirearms() == null;
				if (none) {
					errors.add(new InputError(field + ".thresholds", "CUSTOM needs at least one threshold"));
				}
			}
		}
		return errors;
	}

}
