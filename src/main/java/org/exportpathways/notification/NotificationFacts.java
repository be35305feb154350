package org.exportpathways.notification;

import java.math.BigDecimal;
import java.util.List;

/** Facts the notification rules derive and Java reads back. */
public final class NotificationFacts {

	private NotificationFacts() {
	}

	/** The recipient's review-period group on the evaluation date. */
	public record RecipientClass(RecipientGroup group) {
	}

	/**
	 * A threshold tier that may decide the sale; both tiers are candidates while the
	 * sales territory is unknown.
	 */
	public record CandidateTier(Tier tier, boolean decided) {
	}

	/**
	 * One threshold test. {@code value} is null when the result was implied by another
	 * value.
	 */
	public record ThresholdTest(Tier tier, ThresholdKind kind, TestResult result, BigDecimal value, BigDecimal limit,
			List<String> missing) {
	}

	/** The outcome under one tier. */
	public record TierOutcome(Tier tier, Outcome outcome) {
	}

	/** The decision. */
	public record Decision(Outcome outcome) {
	}

	/** A request field whose value would decide an UNDETERMINED outcome. */
	public record Missing(String field) {
	}

	/** The congressional review period that applies if notification is required. */
	public record ReviewPeriod(int days, String citation) {
	}

	/** The request declares a presidential emergency, which waives the review period. */
	public record ReviewWaived(String citation) {
	}

}
