package org.exportpathways.notification;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.exportpathways.TestBundle;
import org.exportpathways.domain.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The thresholds cached per channel, scenario and date interval are the thresholds
 * resolved afresh for that very date, on every day the bundle covers, for every channel
 * and scenario kind.
 */
class ThresholdResolverCacheTests {

	static final List<Scenario> SCENARIOS = List.of(Scenario.STATUTORY,
			new Scenario(Scenario.Kind.INFLATION_ADJUSTED, new BigDecimal("1.69"), null, null, null, null),
			new Scenario(Scenario.Kind.INFLATION_ADJUSTED, null, Scenario.Index.CPI_U, 2024, null, null),
			new Scenario(Scenario.Kind.CUSTOM, null, null, null, custom(), new BigDecimal("2000000")));

	static Map<Tier, Map<ThresholdKind, BigDecimal>> custom() {
		Map<Tier, Map<ThresholdKind, BigDecimal>> custom = new EnumMap<>(Tier.class);
		custom.put(Tier.STANDARD, Map.of(ThresholdKind.MAJOR_DEFENSE_EQUIPMENT, new BigDecimal("30000000")));
		return custom;
	}

	@Test
	void aCachedSetIsTheSetResolvedAfreshForThatDay() {
		ThresholdResolver warm = new ThresholdResolver(TestBundle.DATA);
		LocalDate from = TestBundle.DATA.coversFrom(NotificationRegime.PACK);
		LocalDate to = LocalDate.of(2026, 12, 31);
		int days = 0;
		for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
			for (Channel channel : Channel.values()) {
				for (Scenario scenario : SCENARIOS) {
					List<Threshold> cached = resolveOrNull(warm, channel, d, scenario);
					List<Threshold> fresh = resolveOrNull(new ThresholdResolver(TestBundle.DATA), channel, d, scenario);
					assertThat(cached).as("%s %s %s", channel, d, scenario.kind()).isEqualTo(fresh);
				}
			}
			days++;
		}
		assertThat(days).isGreaterThan(365);
	}

	private static List<Threshold> resolveOrNull(ThresholdResolver resolver, Channel channel, LocalDate date,
			Scenario scenario) {
		try {
			return resolver.resolve(channel, date, scenario, "scenario");
		}
		catch (InvalidInputException ex) {
			return null;
		}
	}

	private static List<Threshold> computeOrNull(ThresholdResolver resolver, Channel channel, LocalDate date,
			Scenario scenario) {
		try {
			return resolver.compute(channel, date, scenario, "scenario");
		}
		catch (InvalidInputException ex) {
			return null;
		}
	}

	@Test
	void aFailureIsNotCachedAndNamesTheFieldOfEachCall() {
		ThresholdResolver resolver = new ThresholdResolver(TestBundle.DATA);
		Scenario noCpi = new Scenario(Scenario.Kind.INFLATION_ADJUSTED, null, Scenario.Index.CPI_U, 1900, null, null);
		LocalDate day = LocalDate.of(2025, 6, 1);
		assertThatThrownBy(() -> resolver.resolve(Channel.FMS, day, noCpi, "scenarios[0]"))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("scenarios[0].toYear");
		assertThatThrownBy(() -> resolver.resolve(Channel.FMS, day, noCpi, "scenarios[1]"))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("scenarios[1].toYear");
	}

	@Test
	void theSetIsUnmodifiable() {
		List<Threshold> set = new ThresholdResolver(TestBundle.DATA).resolve(Channel.FMS, LocalDate.of(2025, 6, 1),
				Scenario.STATUTORY, "scenario");
		assertThat(set).isNotEmpty();
		assertThatThrownBy(() -> set.remove(0)).isInstanceOf(UnsupportedOperationException.class);
	}

}
