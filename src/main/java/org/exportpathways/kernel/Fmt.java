package org.exportpathways.kernel;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Locale;

/** Formatting helpers for rule messages (imported as DRL functions). */
public final class Fmt {

	private Fmt() {
	}

	/**
	 * {@code $24,999,999} (cents shown only when present): two decimals, rounded half up,
	 * when the amount has any; US grouping. Hand-written (no {@code DecimalFormat} per
	 * call, it is in every threshold message); {@code FmtTests} holds it to the
	 * {@code DecimalFormat} patterns {@code #,##0} and {@code #,##0.00}.
	 */
	public static String usd(BigDecimal amount) {
		if (amount == null) {
			return "unknown";
		}
		int fraction = (amount.signum() != 0 && amount.stripTrailingZeros().scale() > 0) ? 2 : 0;
		BigDecimal a = amount.setScale(fraction, RoundingMode.HALF_UP);
		String digits = a.unscaledValue().abs().toString();
		if (digits.length() <= fraction) {
			digits = "0".repeat(fraction - digits.length() + 1) + digits;
		}
		int integer = digits.length() - fraction;
		StringBuilder sb = new StringBuilder(digits.length() + digits.length() / 3 + 3);
		sb.append('$');
		if (a.signum() < 0) {
			sb.append('-');
		}
		int first = integer % 3;
		if (first == 0) {
			first = 3;
		}
		sb.append(digits, 0, first);
		for (int i = first; i < integer; i += 3) {
			sb.append(',').append(digits, i, i + 3);
		}
		if (fraction > 0) {
			sb.append('.').append(digits, integer, digits.length());
		}
		return sb.toString();
	}

	/** {@code 65%} (decimals shown only when present). */
	public static String pct(BigDecimal percent) {
		return (percent == null) ? "unknown" : percent.stripTrailingZeros().toPlainString() + "%";
	}

	/**
	 * {@code 2030} for a date that starts a year, else the date ({@code 2030-07-01}):
	 * "before 2030".
	 */
	public static String yearOrDate(LocalDate date) {
		return (date.getDayOfYear() == 1) ? String.valueOf(date.getYear()) : date.toString();
	}

	/** {@code 55%, 60%, 65% or 75%}: distinct percentages, ascending. */
	public static String pctChoices(java.util.Collection<?> percents) {
		java.util.List<String> p = percents.stream()
			.map((v) -> (BigDecimal) v)
			.sorted()
			.map(Fmt::pct)
			.distinct()
			.toList();
		if (p.isEmpty()) {
			return "unknown";
		}
		return (p.size() == 1) ? p.get(0)
				: String.join(", ", p.subList(0, p.size() - 1)) + " or " + p.get(p.size() - 1);
	}

	/**
	 * Plain words for a request field or a constant, for messages:
	 * {@code majorDefenseEquipmentValue} and {@code MAJOR_DEFENSE_EQUIPMENT} both read
	 * "major defense equipment"; a trailing "value" is kept ({@code totalValue}: "total
	 * value"); dotted paths read as their words ({@code endUser.securityForces}: "end
	 * user security forces").
	 */
	public static String words(Object name) {
		if (name == null) {
			return "unknown";
		}
		String s = name.toString();
		String cached = WORDS.get(s);
		if (cached != null) {
			return cached;
		}
		String w;
		if (s.equals(s.toUpperCase(Locale.ROOT))) {
			w = s.toLowerCase(Locale.ROOT).replace('_', ' ');
		}
		else {
			w = acronyms(CAMEL.matcher(s.replace('.', ' ')).replaceAll("$1 $2").toLowerCase(Locale.ROOT));
		}
		if (WORDS.size() >= WORDS_LIMIT) {
			WORDS.clear();
		}
		WORDS.put(s, w);
		return w;
	}

	private static final java.util.regex.Pattern CAMEL = java.util.regex.Pattern.compile("([a-z0-9])([A-Z])");

	/**
	 * {@link #words} by name: the names are field names and constants, few, and asked in
	 * every explanation of a missing value.
	 */
	private static final java.util.Map<String, String> WORDS = new java.util.concurrent.ConcurrentHashMap<>();

	private static final int WORDS_LIMIT = 1024;

	/** Plain words for each name ({@link #words}), joined as a list. */
	public static String wordList(java.util.Collection<?> names) {
		return list((names == null) ? null : names.stream().map(Fmt::words).toList());
	}

	/** {@code a, b and c}: the values in their order, joined as an English list. */
	public static String list(java.util.Collection<?> values) {
		if (values == null || values.isEmpty()) {
			return "none";
		}
		java.util.List<String> v = values.stream().map(String::valueOf).toList();
		return (v.size() == 1) ? v.get(0)
				: String.join(", ", v.subList(0, v.size() - 1)) + " and " + v.get(v.size() - 1);
	}

	private static final java.util.regex.Pattern ACRONYM = java.util.regex.Pattern
		.compile("\\b(usml|eccn|ddtc|aukus|cots|dpa)\\b");

	/**
	 * Acronyms of field names in capitals again ("usml categories": "USML categories").
	 */
	private static String acronyms(String words) {
		return ACRONYM.matcher(words).replaceAll((r) -> r.group(1).toUpperCase(Locale.ROOT));
	}

}
