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

}
