package org.exportpathways.notification;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.exportpathways.notification.Channel;
import org.exportpathways.domain.InvalidInputException;
import org.exportpathways.notification.Threshold;
import org.exportpathways.notification.ThresholdKind;
import org.exportpathways.notification.Tier;
import org.exportpathways.bundle.RuleBundleException;
import org.exportpathways.bundle.Parameter;
import org.exportpathways.bundle.ReferenceData;

/**
 * The dollar thresholds in force for a channel on a date, under a scenario. Thresholds
 * are parameters at
 * {@code congressional-notification/thresholds/<channel>/<tier>/<kind>}; a scenario
 * transforms the statutory amounts, never the rules.
 * <p>
 * Resolved sets are cached per channel, scenario and date interval (the dates between two
 * effective dates of the channel's thresholds, over which every threshold is constant): a
 * batch of sales under a few scenarios resolves each set once. The cache is bounded; a
 * failure (e.g. no CPI-U for a year) is never cached.
 */
public final class ThresholdResolver {

	static final String PREFIX = "congressional-notification/thresholds/";

	private record Slot(Channel channel, Tier tier, ThresholdKind kind, Parameter parameter) {
	}

	private final ReferenceData data;

	private final List<Slot> slots = new ArrayList<>();

	/** Per channel, the effective dates of its thresholds, ascending. */
	private final Map<Channel, LocalDate[]> boundaries = new EnumMap<>(Channel.class);

	/**
	 * A resolved set: channel, start of the date interval (null: before the first),
	 * scenario.
	 */
	private record Key(Channel channel, LocalDate from, Scenario scenario) {
	}

	/**
	 * Bound of the cache: past it the cache starts afresh (scenarios come from requests).
	 */
	static final int CACHE_LIMIT = 4096;

	private final Map<Key, List<Threshold>> cache = new ConcurrentHashMap<>();

	public ThresholdResolver(ReferenceData data) {
		this.data = data;
		for (Parameter p : data.parameters().values()) {
			if (!p.id().startsWith(PREFIX)) {
				continue;
			}
			String[] parts = p.id().substring(PREFIX.length()).split("/");
			if (parts.length != 3) {
				throw new RuleBundleException(p.file() + ": expected thresholds/<channel>/<tier>/<kind>");
			}
			try {
				slots.add(new Slot(Channel.valueOf(constant(parts[0])), Tier.valueOf(constant(parts[1])),
						ThresholdKind.valueOf(constant(parts[2])), p));
			}
			catch (IllegalArgumentException ex) {
				throw new RuleBundleException(p.file() + ": unknown channel, tier or kind in its path");
			}
		}
		slots.sort(Comparator.comparing(Slot::channel).thenComparing(Slot::tier).thenComparing(Slot::kind));
		for (Channel channel : Channel.values()) {
			TreeSet<LocalDate> dates = new TreeSet<>();
			for (Slot slot : slots) {
				if (slot.channel() == channel) {
					slot.parameter().values().forEach((v) -> dates.add(v.effectiveFrom()));
				}
			}
			boundaries.put(channel, dates.toArray(new LocalDate[0]));
		}
	}

	private static String constant(String slug) {
		return slug.replace('-', '_').toUpperCase(Locale.ROOT);
	}

	/**
	 * Thresholds for the channel on the date under the scenario (already checked), an
	 * unmodifiable list; {@code field} is the JSON path of the scenario, named by the
	 * errors.
	 */
	public List<Threshold> resolve(Channel channel, LocalDate date, Scenario scenario, String field) {
		Key key = new Key(channel, intervalStart(channel, date), scenario);
		List<Threshold> cached = cache.get(key);
		if (cached != null) {
			return cached;
		}
		List<Threshold> resolved = List.copyOf(compute(channel, date, scenario, field));
		if (cache.size() >= CACHE_LIMIT) {
			cache.clear();
		}
		cache.put(key, resolved);
		return resolved;
	}

	/**
	 * The latest effective date of the channel's thresholds on or before {@code date}.
	 */
	private LocalDate intervalStart(Channel channel, LocalDate date) {
		LocalDate[] dates = boundaries.get(channel);
		int i = Arrays.binarySearch(dates, date);
		if (i >= 0) {
			return dates[i];
		}
		int before = -i - 2;
		return (before >= 0) ? dates[before] : null;
	}

	/** The set resolved afresh for the date, bypassing the cache (tests compare both). */
	List<Threshold> compute(Channel channel, LocalDate date, Scenario scenario, String field) {
		List<Threshold> out = new ArrayList<>();
		for (Slot slot : slots) {
			if (slot.channel() != channel) {
				continue;
			}
			Parameter.Value v = slot.parameter().at(date).orElse(null);
			if (v == null) {
				continue;
			}
			BigDecimal statutory = v.value();
			BigDecimal amount = statutory;
			String basis = "statutory";
			switch (scenario.kind()) {
				case STATUTORY -> {
				}
				case INFLATION_ADJUSTED -> {
					if (scenario.factor() != null) {
						amount = round(statutory.multiply(scenario.factor()));
						basis = "statutory x " + scenario.factor().toPlainString();
					}
					else {
						BigDecimal ratio = cpiRatio(v.baseYear(), scenario.toYear(), field);
						amount = round(statutory.multiply(ratio));
						basis = "statutory x CPI-U " + scenario.toYear() + "/" + v.baseYear() + " ("
								+ data.cpiU(scenario.toYear()).orElseThrow().toPlainString() + " / "
								+ data.cpiU(v.baseYear()).orElseThrow().toPlainString() + " = " + ratio.toPlainString()
								+ ")";
					}
				}
				case CUSTOM -> {
					BigDecimal custom = (slot.kind() == ThresholdKind.FIREARMS) ? scenario.customFirearms()
							: customAmount(scenario.custom(), slot.tier(), slot.kind());
					if (custom != null) {
						amount = custom;
						basis = "custom";
					}
					else {
						basis = "statutory (not set in the custom scenario)";
					}
				}
			}
			out.add(new Threshold(channel, slot.tier(), slot.kind(), amount, statutory, slot.parameter().citation(),
					v.since(), slot.parameter().id(), basis));
		}
		return out;
	}

	private static BigDecimal customAmount(Map<Tier, Map<ThresholdKind, BigDecimal>> custom, Tier tier,
			ThresholdKind kind) {
		if (custom == null || custom.get(tier) == null) {
			return null;
		}
		return custom.get(tier).get(kind);
	}

	private BigDecimal cpiRatio(int fromYear, int toYear, String field) {
		BigDecimal to = data.cpiU(toYear)
			.orElseThrow(() -> InvalidInputException.unprocessable(field + ".toYear", "CPI-U annual averages cover "
					+ data.cpiUFirstYear() + " to " + data.cpiULastYear() + "; no value for " + toYear));
		BigDecimal from = data.cpiU(fromYear)
			.orElseThrow(() -> InvalidInputException.unprocessable(field + ".index",
					"CPI-U has no annual average for " + fromYear + ", the year the threshold was last set"));
		return to.divide(from, new MathContext(12)).setScale(6, RoundingMode.HALF_UP);
	}

	private static BigDecimal round(BigDecimal amount) {
		return amount.setScale(0, RoundingMode.HALF_UP);
	}

}
