package org.exportpathways.kernel;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.Locale;

/** Formatting helpers for rule messages (imported as DRL functions). */
public final class Fmt {

	private Fmt() {
	}

	/** {@code $24,999,999} (cents shown only when present). */
	public static String usd(BigDecimal amount) {
		if (amount == null) {
			return "unknown";
		}
		BigDecimal a = amount.stripTrailingZeros();
		DecimalFormat f = new DecimalFormat(a.scale() > 0 ? "#,##0.00" : "#,##0",
				DecimalFormatSymbols.getInstance(Locale.US));
		return "$" + f.format(a.setScale(Math.max(0, Math.min(2, a.scale())), RoundingMode.HALF_UP));
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
		if (s.equals(s.toUpperCase(Locale.ROOT))) {
			return s.toLowerCase(Locale.ROOT).replace('_', ' ');
		}
		return s.replace('.', ' ')
			.replaceAll("([a-z0-9])([A-Z])", "$1 $2")
			.toLowerCase(Locale.ROOT)
			.transform(Fmt::acronyms);
	}

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
