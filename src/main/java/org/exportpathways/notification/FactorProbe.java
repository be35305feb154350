package org.exportpathways.notification;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * One sale's notification outcome as a function of an inflation factor applied to the
 * statutory thresholds, found by the rules themselves, evaluated as few times as the
 * sale's values allow.
 * <p>
 * A threshold test compares a known value {@code v} with {@code round(s × f)} (half up,
 * whole dollars) for a statutory amount {@code s}; it flips from "at or above" to "below"
 * exactly at the smallest factor of six decimals with {@code s × f ≥ floor(v) + 0.5}.
 * Those factors, for every known value against every statutory amount of the sale's
 * channel and date, cut the factor axis into intervals on which every test, hence the
 * outcome, is constant. The rules are run once per interval asked about (a binary search
 * for the break-even, one run per sweep interval) and the answer is kept.
 */
final class FactorProbe {

	static final int SCALE = 6;

	private static final BigDecimal HALF = new BigDecimal("0.5");

	private static final BigDecimal TICK = BigDecimal.ONE.movePointLeft(SCALE);

	private final Function<BigDecimal, NotificationResult> decide;

	/** Sorted, distinct, all greater than zero. */
	private final BigDecimal[] cuts;

	/**
	 * Results by interval: interval k holds the factors f with cuts[k-1] ≤ f < cuts[k].
	 */
	private final NotificationResult[] known;

	FactorProbe(SaleCase sale, List<Threshold> statutory, Function<BigDecimal, NotificationResult> decide) {
		this.decide = decide;
		TreeSet<BigDecimal> found = new TreeSet<>();
		for (BigDecimal v : new BigDecimal[] { sale.majorDefenseEquipmentValue(), sale.totalValue(),
				sale.totalValueAtLeast(), sale.designAndConstructionValue(), sale.firearmsValue() }) {
			if (v == null) {
				continue;
			}
			BigDecimal edge = v.setScale(0, RoundingMode.FLOOR).add(HALF);
			for (Threshold t : statutory) {
				if (t.statutoryAmount().signum() > 0) {
					BigDecimal cut = edge.divide(t.statutoryAmount(), SCALE, RoundingMode.CEILING);
					if (cut.signum() > 0) {
						found.add(cut.stripTrailingZeros());
					}
				}
			}
		}
		this.cuts = found.toArray(BigDecimal[]::new);
		this.known = new NotificationResult[cuts.length + 1];
	}

	/** The interval a factor falls in. */
	int interval(BigDecimal factor) {
		int i = Arrays.binarySearch(cuts, factor.stripTrailingZeros(), BigDecimal::compareTo);
		return (i >= 0) ? i + 1 : -(i + 1);
	}

	/** The decision at a factor. */
	NotificationResult at(BigDecimal factor) {
		return at(interval(factor));
	}

	private NotificationResult at(int interval) {
		if (known[interval] == null) {
			known[interval] = decide.apply(representative(interval));
		}
		return known[interval];
	}

	private BigDecimal representative(int interval) {
		if (cuts.length == 0) {
			return BigDecimal.ONE;
		}
		return (interval == 0) ? cuts[0].subtract(TICK) : cuts[interval - 1];
	}

	/** The lowest interval holding a factor greater than zero. */
	private int lowest() {
		return (cuts.length > 0 && cuts[0].compareTo(TICK) <= 0) ? 1 : 0;
	}

	BreakEven breakEven() {
		NotificationResult top = at(cuts.length);
		if (top.outcome() == Outcome.REQUIRED) {
			return new BreakEven(BreakEven.Kind.NEVER, null, List.of());
		}
		if (top.outcome() == Outcome.UNDETERMINED) {
			return new BreakEven(BreakEven.Kind.UNKNOWN, null, List.copyOf(top.missing()));
		}
		// "no longer needs notification" holds from some interval up: find the first
		int lo = lowest();
		int hi = cuts.length;
		while (lo < hi) {
			int mid = (lo + hi) >>> 1;
			if (at(mid).outcome() == Outcome.NOT_REQUIRED) {
				hi = mid;
			}
			else {
				lo = mid + 1;
			}
		}
		if (lo == lowest()) {
			return new BreakEven(BreakEven.Kind.NOT_NEEDED, null, List.of());
		}
		return new BreakEven(BreakEven.Kind.FACTOR, cuts[lo - 1].setScale(Math.max(2, cuts[lo - 1].scale())),
				List.of());
	}

	/** The outcome at each factor. */
	List<Outcome> outcomes(List<BigDecimal> factors) {
		List<Outcome> out = new ArrayList<>(factors.size());
		for (BigDecimal f : factors) {
			out.add(at(f).outcome());
		}
		return out;
	}

}
