package org.exportpathways.kernel;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-written formatting of rule messages against what it replaced: {@code usd} as
 * {@code DecimalFormat} printed it, {@code words} as the regular expressions made it,
 * cached or not.
 */
class FmtTests {

	/** The former {@code Fmt.usd}: a {@code DecimalFormat} per call. */
	static String usdByDecimalFormat(BigDecimal amount) {
		if (amount == null) {
			return "unknown";
		}
		BigDecimal a = amount.stripTrailingZeros();
		DecimalFormat f = new DecimalFormat(a.scale() > 0 ? "#,##0.00" : "#,##0",
				DecimalFormatSymbols.getInstance(Locale.US));
		return "$" + f.format(a.setScale(Math.max(0, Math.min(2, a.scale())), RoundingMode.HALF_UP));
	}

	/** The former {@code Fmt.words}, uncached. */
	static String wordsByRegex(String s) {
		if (s.equals(s.toUpperCase(Locale.ROOT))) {
			return s.toLowerCase(Locale.ROOT).replace('_', ' ');
		}
		return s.replace('.', ' ')
			.replaceAll("([a-z0-9])([A-Z])", "$1 $2")
			.toLowerCase(Locale.ROOT)
			.transform((w) -> Pattern.compile("\\b(usml|eccn|ddtc|aukus|cots|dpa)\\b")
				.matcher(w)
				.replaceAll((m) -> m.group(1).toUpperCase(Locale.ROOT)));
	}

	@Test
	void usdPrintsWhatDecimalFormatPrinted() {
		List<BigDecimal> values = new ArrayList<>(List.of(BigDecimal.ZERO, new BigDecimal("0.00"),
				new BigDecimal("0.004"), new BigDecimal("-0.004"), new BigDecimal("0.005"), new BigDecimal("0.5"),
				new BigDecimal("1"), new BigDecimal("12"), new BigDecimal("123"), new BigDecimal("1234"),
				new BigDecimal("999999.995"), new BigDecimal("25000000"), new BigDecimal("2.5E+7"),
				new BigDecimal("1E+2"), new BigDecimal("14000000.10"), new BigDecimal("-1234567.891"),
				new BigDecimal("100000000.00"), new BigDecimal("7.1"), new BigDecimal("-0.5"),
				new BigDecimal("123456789012345678901234567890.129")));
		SplittableRandom r = new SplittableRandom(11);
		for (int i = 0; i < 200_000; i++) {
			BigInteger unscaled = BigInteger.valueOf(r.nextLong(-2_000_000_000_000L, 2_000_000_000_000L))
				.divide(BigInteger.TEN.pow(r.nextInt(12)));
			values.add(new BigDecimal(unscaled, r.nextInt(-3, 6)));
		}
		for (BigDecimal v : values) {
			assertThat(Fmt.usd(v)).as("usd(%s)", v.toString()).isEqualTo(usdByDecimalFormat(v));
		}
		assertThat(Fmt.usd(null)).isEqualTo("unknown");
		assertThat(Fmt.usd(new BigDecimal("24999999"))).isEqualTo("$24,999,999");
		assertThat(Fmt.usd(new BigDecimal("1500.5"))).isEqualTo("$1,500.50");
	}

	@Test
	void wordsAreTheSameCachedOrNot() {
		for (String name : List.of("majorDefenseEquipmentValue", "MAJOR_DEFENSE_EQUIPMENT", "totalValue",
				"endUser.securityForces", "usmlCategories", "firearmsValue", "newSalesTerritory", "eccnValue",
				"significantMilitaryEquipment", "DPA", "x")) {
			String first = Fmt.words(name);
			assertThat(Fmt.words(name)).isEqualTo(first);
			assertThat(first).isEqualTo(wordsByRegex(name));
		}
		assertThat(Fmt.words("usmlCategories")).isEqualTo("USML categories");
		assertThat(Fmt.words("majorDefenseEquipmentValue")).isEqualTo("major defense equipment value");
		assertThat(Fmt.words("MAJOR_DEFENSE_EQUIPMENT")).isEqualTo("major defense equipment");
		assertThat(Fmt.words("endUser.securityForces")).isEqualTo("end user security forces");
		assertThat(Fmt.words(null)).isEqualTo("unknown");
	}

}
