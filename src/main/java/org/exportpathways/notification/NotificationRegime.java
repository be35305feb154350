package org.exportpathways.notification;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.exportpathways.bundle.DatedRecord;
import org.exportpathways.bundle.ReferenceData;
import org.exportpathways.kernel.Decided;
import org.exportpathways.kernel.Facts;
import org.exportpathways.kernel.Regime;
import org.exportpathways.notification.NotificationFacts.CandidateTier;
import org.exportpathways.notification.NotificationFacts.Decision;
import org.exportpathways.notification.NotificationFacts.Missing;
import org.exportpathways.notification.NotificationFacts.RecipientClass;
import org.exportpathways.notification.NotificationFacts.ReviewPeriod;
import org.exportpathways.notification.NotificationFacts.ReviewWaived;
import org.exportpathways.notification.NotificationFacts.ThresholdTest;

/**
 * AECA section 36 congressional notification (pack {@code congressional-notification}):
 * the sale, the memberships of its recipient and sales territory, the thresholds of the
 * scenario and the review periods in force on its date go in; the decision comes back
 * with the thresholds that applied and what was missing.
 */
public final class NotificationRegime implements Regime<NotificationRequest, NotificationResult> {

	/** The pack whose rules decide (rules/congressional-notification/). */
	public static final String PACK = "congressional-notification";

	static final String PARAMETERS = PACK + "/";

	private final ThresholdResolver thresholds;

	public NotificationRegime(ReferenceData data) {
		this.thresholds = new ThresholdResolver(data);
	}

	/**
	 * The statutory thresholds in force for the channel on the date (both tiers), before
	 * any scenario: what an inflation factor multiplies.
	 */
	public List<Threshold> statutoryThresholds(Channel channel, java.time.LocalDate date) {
		return thresholds.resolve(channel, date, Scenario.STATUTORY, "scenario");
	}

	@Override
	public String subject() {
		return "business dates";
	}

	@Override
	public List<String> packs() {
		return List.of(PACK);
	}

	@Override
	public void facts(NotificationRequest request, Facts facts) {
		SaleCase sale = request.sale();
		facts.insert(sale);
		Set<String> countries = new LinkedHashSet<>();
		countries.add(sale.recipient());
		if (sale.newSalesTerritory() != null) {
			for (String c : sale.newSalesTerritory()) {
				countries.add(c);
				facts.insert(new TerritoryCountry(c));
			}
		}
		for (MembershipList list : MembershipList.values()) {
			for (String c : countries) {
				for (DatedRecord r : facts.data().memberships(list.table(), c, facts.asOf())) {
					facts.insert(new Membership(c, list, r.effectiveFrom(), r.effectiveTo(), r.citation(), r.source()));
				}
			}
		}
		thresholds(request).forEach(facts::insert);
		String channel = sale.channel().name().toLowerCase(Locale.ROOT).replace('_', '-');
		facts.parameter("review-period/nato-plus-5", PARAMETERS + "review-periods/" + channel + "/nato-plus-5");
		facts.parameter("review-period/standard", PARAMETERS + "review-periods/" + channel + "/standard");
		facts.parameter("advance-notification", PARAMETERS + "advance-notification");
	}

	private List<Threshold> thresholds(NotificationRequest request) {
		return thresholds.resolve(request.sale().channel(), request.asOf(), request.scenario(), "scenario");
	}

	@Override
	public NotificationResult result(NotificationRequest request, Decided decided) {
		SaleCase sale = request.sale();
		Outcome outcome = decided.one(Decision.class, PACK).outcome();
		RecipientClass recipient = decided.one(RecipientClass.class, PACK);
		List<CandidateTier> tiers = decided.all(CandidateTier.class);
		Set<Tier> candidate = new LinkedHashSet<>();
		tiers.forEach((t) -> candidate.add(t.tier()));
		Tier tier = (tiers.size() == 1 && tiers.get(0).decided()) ? tiers.get(0).tier() : null;
		List<ThresholdTest> triggered = (outcome != Outcome.REQUIRED) ? List.of()
				: decided.all(ThresholdTest.class)
					.stream()
					.filter((t) -> t.result() == TestResult.MET)
					.sorted(Comparator.comparing(ThresholdTest::tier).thenComparing(ThresholdTest::kind))
					.toList();
		List<String> missing = (outcome != Outcome.UNDETERMINED) ? List.of()
				: decided.all(Missing.class).stream().map(Missing::field).distinct().sorted().toList();
		List<ReviewPeriod> periods = decided.all(ReviewPeriod.class);
		Integer days = periods.isEmpty() ? null : periods.get(0).days();
		boolean waived = !decided.all(ReviewWaived.class).isEmpty();
		List<Threshold> shown = thresholds(request).stream()
			.filter((t) -> candidate.contains(t.tier()) || (t.kind() == ThresholdKind.FIREARMS && !candidate.isEmpty()))
			.toList();
		return new NotificationResult(outcome, sale.channel().section(), days, waived, recipient.group(), tier, shown,
				triggered, missing, decided.findings(), sale.asOf(), request.scenario().kind());
	}

}
