package org.exportpathways.qualification;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.exportpathways.domain.Finding;
import org.exportpathways.qualification.SourceFacts.BuyAmericanException;

/** The qualification of a foreign source, each part with its legal basis. */
public record QualificationResult(Status qualifyingCountry, BuyAmerican buyAmerican, Part berry, Part specialtyMetals,
		Dpa dpa, List<Enabler> enablers, List<Finding> findings, LocalDate asOf) {

	/** Whether the supplier's country is an RDP qualifying country on the date. */
	public record Status(boolean value, String citation, LocalDate effectiveFrom, LocalDate effectiveTo, String note) {
	}

	/**
	 * Buy American status, the threshold applied, the exceptions that apply and what is
	 * missing.
	 */
	public record BuyAmerican(String status, BigDecimal threshold, String thresholdCitation,
			List<BuyAmericanException> exceptions, List<String> missing) {
	}

	/** Berry or specialty metals status. */
	public record Part(String status, List<String> missing) {
	}

	/** DPA domestic-source status and its conditions. */
	public record Dpa(String status, List<String> conditions, List<String> missing) {
	}

	/** An arrangement the country takes part in on the date. */
	public record Enabler(String name, String detail, String citation, String source, LocalDate effectiveFrom,
			LocalDate effectiveTo) {
	}

}
