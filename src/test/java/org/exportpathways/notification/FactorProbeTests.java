package org.exportpathways.notification;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.exportpathways.TestBundle;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The break-even factor and the sweep, found with a few rule runs per sale, checked
 * against the rules run directly at each factor, over generated sales of every shape
 * (unknown values, both tiers, every channel).
 */
class FactorProbeTests {

	static final BigDecimal TICK = new BigDecimal("0.000001");

	static final NotificationDifferentialTests.Generator SALES = new NotificationDifferentialTests.Generator(
			TestBundle.DATA);

	static NotificationResult direct(SaleCase sale, BigDecimal factor) {
		return TestBundle.KERNEL.decideChecked(TestBundle.NOTIFICATIONS,
				new NotificationRequest(sale, SimulationRun.factor(factor)), "");
	}

	static FactorProbe probe(SaleCase sale) {
		return new FactorProbe(sale, TestBundle.NOTIFICATIONS.statutoryThresholds(sale.channel(), sale.asOf()),
				(f) -> direct(sale, f));
	}

	@Test
	void theBreakEvenIsTheSmallestFactorOfSixDecimalsAtWhichTheRulesSayNotRequired() {
		Map<BreakEven.Kind, Integer> seen = new EnumMap<>(BreakEven.Kind.class);
		for (int i = 0; i < 1500; i++) {
			SaleCase sale = SALES.request(i).sale();
			BreakEven b = probe(sale).breakEven();
			seen.merge(b.kind(), 1, Integer::sum);
			String why = "sale " + i + " " + sale + " -> " + b;
			switch (b.kind()) {
				case FACTOR -> {
					assertThat(direct(sale, b.factor()).outcome()).as(why).isEqualTo(Outcome.NOT_REQUIRED);
					assertThat(direct(sale, b.factor().subtract(TICK)).outcome()).as(why)
						.isNotEqualTo(Outcome.NOT_REQUIRED);
					assertThat(b.note()).contains(b.factor().toPlainString());
				}
				case NEVER ->
					assertThat(direct(sale, new BigDecimal("1000")).outcome()).as(why).isEqualTo(Outcome.REQUIRED);
				case NOT_NEEDED -> {
					assertThat(direct(sale, TICK).outcome()).as(why).isEqualTo(Outcome.NOT_REQUIRED);
					assertThat(direct(sale, BigDecimal.ONE).outcome()).as(why).isEqualTo(Outcome.NOT_REQUIRED);
				}
				case UNKNOWN -> {
					NotificationResult high = direct(sale, new BigDecimal("1000"));
					assertThat(high.outcome()).as(why).isEqualTo(Outcome.UNDETERMINED);
					assertThat(b.missing()).as(why).isNotEmpty().isEqualTo(high.missing());
				}
			}
		}
		// the generated sales reach every kind of answer
		assertThat(seen.keySet()).containsExactlyInAnyOrder(BreakEven.Kind.values());
	}

	@Test
	void theSweepFromFewRunsEqualsTheRulesRunAtEveryFactor() {
		List<BigDecimal> factors = new Analysis.Sweep(new BigDecimal("0.50"), new BigDecimal("3.00"),
				new BigDecimal("0.05"))
			.factors();
		assertThat(factors).hasSize(51);
		for (int i = 0; i < 600; i++) {
			SaleCase sale = SALES.request(i).sale();
			List<Outcome> expected = new ArrayList<>();
			for (BigDecimal f : factors) {
				expected.add(direct(sale, f).outcome());
			}
			assertThat(probe(sale).outcomes(factors)).as("sale " + i + " " + sale).isEqualTo(expected);
		}
	}

	@Test
	void aSaleJustAtAThresholdLeavesAtTheFactorThatLiftsTheRoundedThresholdAboveIt() {
		// $14,000,000 of MDE to India (standard tier $14M): round(14,000,000 x f) >
		// 14,000,000
		// first at f = 1.000001 ($14,000,014)
		SaleCase sale = new SaleCase(Channel.FMS, "IN", java.time.LocalDate.of(2026, 11, 25),
				new BigDecimal("14000000"), new BigDecimal("14000000"), null, BigDecimal.ZERO, null, null, null,
				java.util.Set.of(), null);
		BreakEven b = probe(sale).breakEven();
		assertThat(b.kind()).isEqualTo(BreakEven.Kind.FACTOR);
		assertThat(b.factor()).isEqualByComparingTo("1.000001");
		// unknown total, MDE known: above every factor the total still decides
		SaleCase unknownTotal = new SaleCase(Channel.FMS, "IN", java.time.LocalDate.of(2026, 11, 25),
				new BigDecimal("20000000"), null, null, BigDecimal.ZERO, null, null, null, java.util.Set.of(), null);
		BreakEven u = probe(unknownTotal).breakEven();
		assertThat(u.kind()).isEqualTo(BreakEven.Kind.UNKNOWN);
		assertThat(u.missing()).contains("totalValue");
		assertThat(u.note()).startsWith("Unknown until");
	}

}
