package org.exportpathways.notification;

import java.time.LocalDate;
import java.util.List;

import org.exportpathways.domain.Finding;
import org.exportpathways.notification.NotificationFacts.ThresholdTest;
import org.exportpathways.notification.Outcome;
import org.exportpathways.notification.RecipientGroup;
import org.exportpathways.notification.Threshold;
import org.exportpathways.notification.Tier;

/**
 * A notification decision and its explanation. {@code thresholdTier} is null when the
 * sales territory is unknown and both tiers had to be tested; {@code reviewPeriodDays} is
 * null when notification is not required.
 */
public record NotificationResult(Outcome outcome, String section, Integer reviewPeriodDays, boolean reviewWaived,
		RecipientGroup recipientGroup, Tier thresholdTier, List<Threshold> thresholds, List<ThresholdTest> triggeredBy,
		List<String> missing, List<Finding> findings, LocalDate asOf, Scenario.Kind scenario) {
}
