package org.exportpathways.notification;

import java.math.BigDecimal;
import java.util.Map;

import org.exportpathways.notification.ThresholdKind;
import org.exportpathways.notification.Tier;

/**
 * A what-if applied to the dollar thresholds: the statutory amounts, the amounts times a factor or an index ratio,
 * or explicit amounts. Fields unused by the kind must be null (checked by {@link ThresholdResolver}).
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

}
