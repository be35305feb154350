package org.exportpathways.screening;

import java.math.BigDecimal;
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
		List<Finding> findings, LocalDate asOf, EarNotice earNotification) {

	/**
	 * The EAR congressional notification of 0A501.a semiautomatic firearms (15 CFR
	 * 743.6): REQUIRED, NOT_REQUIRED or UNDETERMINED ({@code missing} names what would
	 * decide it).
	 */
	public record EarNotice(String outcome, BigDecimal firearmsValue, BigDecimal threshold, String citation,
			List<String> missing) {
	}

	/** One item's decision and its explanation. */
	public record ItemResult(String id, String jurisdiction, ScreeningOutcome outcome, String licenseType,
			String exemption, List<LicenseExceptionCandidate> licenseExceptions, List<String> missing,
			List<Finding> findings, JurisdictionResult determination) {
	}

}
