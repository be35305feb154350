package org.exportpathways.jurisdiction;

import java.util.List;

import org.exportpathways.domain.Finding;

/**
 * The facts the jurisdiction rules reason with, besides {@link Answers} and
 * {@link Question}: the stages of the review ({@code insertLogical}), the "specially
 * designed" tests and their results, unanswered questions and the determination.
 */
public final class JurisdictionFacts {

	private JurisdictionFacts() {
	}

	/** The USML is to be reviewed (no CJ determination in force decides). */
	public record UsmlReview() {
	}

	/** The item is not on the USML: the CCL order of review follows. */
	public record NotOnUsml() {
	}

	/** The item is on the USML ({@code basis}: CJ, ENUMERATED, CATCH_ALL). */
	public record OnUsml(String basis) {
	}

	/** The item is not in a 600-series or 9x515 entry: the rest of the CCL follows. */
	public record CclReview() {
	}

	/**
	 * The item is in a 600-series or 9x515 entry ({@code basis}: ENUMERATED, CATCH_ALL).
	 */
	public record In600Series(String basis) {
	}

	/**
	 * The item is in another CCL entry ({@code basis}: ENUMERATED, SPECIALLY_DESIGNED).
	 */
	public record InCcl(String basis) {
	}

	/**
	 * A "specially designed" test of one step ({@code context}: USML, 600, CCL) under one
	 * definition ({@code regime}: ITAR 120.41 or EAR 772.1), with the fields of its
	 * (a)(1) and (a)(2) questions and of its release questions.
	 */
	public record SpeciallyDesignedTest(String context, String regime, String peculiarlyResponsible, String forUseWith,
			List<String> releases) {
	}

	/** Caught by paragraph (a) ({@code paragraph}: (a)(1) or (a)(2)). */
	public record Caught(String context, String paragraph) {
	}

	/** Released by a paragraph (b) release. */
	public record Released(String context, String paragraph) {
	}

	/** Not caught by paragraph (a). */
	public record NotCaught(String context) {
	}

	/** Caught and not released: specially designed. */
	public record SpeciallyDesigned(String context) {
	}

	/** A question whose answer the review needs and the request does not give. */
	public record Unanswered(String field) {
	}

	/** The first unanswered question in the order of review: the determination stops. */
	public record NextQuestion(Question question, Finding finding) {
	}

	/** The determination. */
	public record Determined(Outcome outcome, String usmlCategory, String usmlParagraph, String eccn, Finding finding) {
	}

}
