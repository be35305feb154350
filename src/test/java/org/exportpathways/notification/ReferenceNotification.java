package org.exportpathways.notification;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.exportpathways.bundle.ReferenceData;

/**
 * A hand-written Java reference of the AECA section 36 notification decision (22 U.S.C.
 * 2776(b), (c), (d)): the outcome and the tests that triggered it, nothing else (no
 * explanations, review periods or notes). It is written from the statute, not from the
 * DRL, and serves twice: as the oracle of the differential test against the rules, and as
 * the baseline of the JMH benchmark. {@link Mutation} switches one comparison, so the
 * differential test can show it catches a wrong comparison.
 */
public final class ReferenceNotification {

	/** A deliberate defect, to show the differential test catches one. */
	public enum Mutation {

		NONE,
		/** "at or above" read as "above" for the MDE test of 2776(b)(1)(A). */
		MDE_STRICTLY_ABOVE

	}

	/** The outcome and the tests that made it REQUIRED (sorted by tier, then kind). */
	public record Answer(Outcome outcome, List<String> triggeredBy) {
	}

	private final ReferenceData data;

	private final Mutation mutation;

	public ReferenceNotification(ReferenceData data, Mutation mutation) {
		this.data = data;
		this.mutation = mutation;
	}

	/**
	 * The decision for a sale already checked, under the thresholds the scenario gives on
	 * its date.
	 */
	public Answer decide(SaleCase sale, List<Threshold> thresholds) {
		if (sale.channel() == Channel.MANUFACTURING_AGREEMENT) {
			Boolean sme = sale.significantMilitaryEquipment();
			return new Answer((sme == null) ? Outcome.UNDETERMINED : sme ? Outcome.REQUIRED : Outcome.NOT_REQUIRED,
					List.of());
		}
		List<Tier> tiers = tiers(sale);
		List<Outcome> outcomes = new ArrayList<>();
		List<String> met = new ArrayList<>();
		for (Tier tier : tiers) {
			List<TestResult> results = new ArrayList<>();
			for (Threshold t : thresholds) {
				if (t.kind() != ThresholdKind.FIREARMS && t.tier() != tier) {
					continue;
				}
				TestResult r = test(sale, t.kind(), t.amount());
				results.add(r);
				if (r == TestResult.MET) {
					met.add(tier + "/" + t.kind());
				}
			}
			outcomes.add(results.contains(TestResult.MET) ? Outcome.REQUIRED
					: (!results.isEmpty() && results.stream().allMatch((r) -> r == TestResult.NOT_MET))
							? Outcome.NOT_REQUIRED : results.isEmpty() ? null : Outcome.UNDETERMINED);
		}
		Outcome outcome;
		if (!outcomes.isEmpty() && outcomes.stream().allMatch((o) -> o == Outcome.REQUIRED)) {
			outcome = Outcome.REQUIRED;
		}
		else if (!outcomes.isEmpty() && outcomes.stream().allMatch((o) -> o == Outcome.NOT_REQUIRED)) {
			outcome = Outcome.NOT_REQUIRED;
		}
		else {
			outcome = Outcome.UNDETERMINED;
		}
		return new Answer(outcome,
				(outcome == Outcome.REQUIRED) ? met.stream().sorted(TRIGGER_ORDER).toList() : List.of());
	}

	static final Comparator<String> TRIGGER_ORDER = Comparator
		.comparing((String s) -> Tier.valueOf(s.substring(0, s.indexOf('/'))))
		.thenComparing((s) -> ThresholdKind.valueOf(s.substring(s.indexOf('/') + 1)));

	/**
	 * The threshold tiers to test: the standard thresholds, or the NATO+5 ones of
	 * 2776(b)(6) and (c)(5) for a member country or one named with NATO whose new sales
	 * territory (if any) stays within the group; both when the territory is unknown. NATO
	 * itself is not a "member country": standard thresholds.
	 */
	private List<Tier> tiers(SaleCase sale) {
		if (SaleCase.NATO.equals(sale.recipient()) || !inGroup(sale.recipient(), sale)) {
			return List.of(Tier.STANDARD);
		}
		if (sale.newSalesTerritory() == null) {
			return List.of(Tier.STANDARD, Tier.NATO_PLUS_5);
		}
		for (String c : sale.newSalesTerritory()) {
			if (!inGroup(c, sale)) {
				return List.of(Tier.STANDARD);
			}
		}
		return List.of(Tier.NATO_PLUS_5);
	}

	private boolean inGroup(String country, SaleCase sale) {
		return !data.memberships(MembershipList.NATO.table(), country, sale.asOf()).isEmpty()
				|| !data.memberships(MembershipList.AECA_NATO_PLUS_5.table(), country, sale.asOf()).isEmpty();
	}

	/**
	 * One dollar test. Unknown values stay unknown unless a known value implies the
	 * answer: the MDE is part of the total (a total below the limit means the MDE is too;
	 * an MDE at or above it means the total is too); the items known to be in the sale
	 * bound an unknown total from below; the firearms are part of the license.
	 */
	private TestResult test(SaleCase s, ThresholdKind kind, BigDecimal limit) {
		return switch (kind) {
			case MAJOR_DEFENSE_EQUIPMENT -> (s.majorDefenseEquipmentValue() != null)
					? (atOrAbove(s.majorDefenseEquipmentValue(), limit, mutation == Mutation.MDE_STRICTLY_ABOVE)
							? TestResult.MET : TestResult.NOT_MET)
					: (s.totalValue() != null && s.totalValue().compareTo(limit) < 0) ? TestResult.NOT_MET
							: TestResult.UNKNOWN;
			case DEFENSE_ARTICLES_AND_SERVICES -> (s.totalValue() != null)
					? (atOrAbove(s.totalValue(), limit, false) ? TestResult.MET : TestResult.NOT_MET)
					: ((s.majorDefenseEquipmentValue() != null
							&& atOrAbove(s.majorDefenseEquipmentValue(), limit, false))
							|| (s.totalValueAtLeast() != null && atOrAbove(s.totalValueAtLeast(), limit, false)))
									? TestResult.MET : TestResult.UNKNOWN;
			case DESIGN_AND_CONSTRUCTION -> (s.designAndConstructionValue() == null) ? TestResult.UNKNOWN
					: atOrAbove(s.designAndConstructionValue(), limit, false) ? TestResult.MET : TestResult.NOT_MET;
			case FIREARMS -> (s.firearmsValue() != null)
					? (atOrAbove(s.firearmsValue(), limit, false) ? TestResult.MET : TestResult.NOT_MET)
					: Boolean.FALSE.equals(s.includesFirearms()) ? TestResult.NOT_MET
							: (s.totalValue() != null && s.totalValue().compareTo(limit) < 0) ? TestResult.NOT_MET
									: TestResult.UNKNOWN;
		};
	}

	private static boolean atOrAbove(BigDecimal value, BigDecimal limit, boolean strictly) {
		int c = value.compareTo(limit);
		return strictly ? c > 0 : c >= 0;
	}

}
