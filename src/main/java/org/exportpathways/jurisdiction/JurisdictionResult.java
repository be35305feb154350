package org.exportpathways.jurisdiction;

import java.time.LocalDate;
import java.util.List;

import org.exportpathways.domain.Finding;

/**
 * A jurisdiction determination: the outcome and where it places the item, a one-paragraph
 * summary of the verdict and its basis, the next question when undetermined, and the
 * findings of each step of the review.
 */
public record JurisdictionResult(Outcome outcome, String jurisdiction, String summary, String usmlCategory,
		String usmlParagraph, String eccn, String description, Question nextQuestion, List<Finding> findings,
		LocalDate asOf) {
}
