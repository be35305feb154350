package org.exportpathways.screening;

import java.time.LocalDate;
import java.util.List;

import org.exportpathways.domain.Finding;
import org.exportpathways.jurisdiction.JurisdictionResult;
import org.exportpathways.screening.ScreeningOutcome;
import org.exportpathways.screening.ScreeningFacts.LicenseExceptionCandidate;
import org.exportpathways.notification.NotificationResult;

/**
 * A screening: the outcome rolled up over items, each item's decision, the sale's
 * notification decision.
 */
public record ScreeningResult(ScreeningOutcome outcome, List<ItemResult> items, NotificationResult notification,
		List<Finding> findings, LocalDate asOf) {

	/** One item's decision and its explanation. */
	public record ItemResult(String id, String jurisdiction, ScreeningOutcome outcome, String licenseType,
			String exemption, List<LicenseExceptionCandidate> licenseExceptions, List<String> missing,
			List<Finding> findings, JurisdictionResult determination) {
	}

}
