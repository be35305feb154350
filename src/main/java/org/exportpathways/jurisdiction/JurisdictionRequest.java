package org.exportpathways.jurisdiction;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.exportpathways.bundle.ReferenceData;
import org.exportpathways.domain.InputError;
import org.exportpathways.kernel.DecisionRequest;

/**
 * One item to place on the USML or the CCL: the answers given so far (any may be null)
 * and an optional free-text description that is echoed, never decided on.
 */
public record JurisdictionRequest(LocalDate asOf, String description, Answers facts) implements DecisionRequest {

	/** An ECCN, optionally with its paragraph. */
	static final Pattern ECCN = Pattern.compile("^[0-9][A-E][0-9]{3}(?:\\.[a-z0-9.]+)?$");

	/**
	 * The "600 series" (xY6zz) and the 9x515 entries: the CCL's munitions entries,
	 * reviewed before the rest of the CCL.
	 */
	static final Pattern SERIES_600 = Pattern.compile("^[0-9][A-E](?:6[0-9]{2}|515)(?:\\.[a-z0-9.]+)?$");

	/** A USML paragraph: h, h(1), c(2)(ii). */
	static final Pattern PARAGRAPH = Pattern.compile("^[a-z](\\([0-9a-z]+\\))*$");

	/** The longest description echoed. */
	static final int DESCRIPTION_MAX = 500;

	public JurisdictionRequest {
		facts = (facts != null) ? facts : Answers.NONE;
	}

	@Override
	public List<InputError> check(ReferenceData data, String prefix) {
		return check(facts, prefix + "facts.", description, prefix);
	}

	/**
	 * The checks of the answers, each error naming its field under {@code at} (the JSON
	 * path of the answers: "facts." here, "items[3].jurisdictionFacts." in a screening).
	 */
	public static List<InputError> check(Answers a, String at, String description, String prefix) {
		List<InputError> errors = new ArrayList<>();
		if (description != null && description.length() > DESCRIPTION_MAX) {
			errors.add(new InputError(prefix + "description", "at most " + DESCRIPTION_MAX + " characters"));
		}
		if (a.cjJurisdiction() != null && !List.of("USML", "EAR").contains(a.cjJurisdiction())) {
			errors.add(new InputError(at + "cjJurisdiction",
					"'" + a.cjJurisdiction() + "' is not a jurisdiction (USML or EAR)"));
		}
		if (Boolean.FALSE.equals(a.cjDetermination()) && (a.cjJurisdiction() != null || a.cjSuperseded() != null)) {
			errors.add(new InputError(at + "cjDetermination",
					"no CJ determination was issued, yet its jurisdiction or supersession is given"));
		}
		if (a.usmlParagraph() != null) {
			if (!PARAGRAPH.matcher(a.usmlParagraph()).matches()) {
				errors.add(new InputError(at + "usmlParagraph",
						"'" + a.usmlParagraph() + "' is not a USML paragraph (e.g. h or h(1))"));
			}
			if (a.usmlCategory() == null) {
				errors.add(new InputError(at + "usmlCategory", "a USML paragraph is given without its category"));
			}
		}
		if (a.series600Eccn() != null && !SERIES_600.matcher(a.series600Eccn()).matches()) {
			errors.add(new InputError(at + "series600Eccn",
					"'" + a.series600Eccn() + "' is not a 600-series or 9x515 ECCN (e.g. 9A610.x, 9A515.y.1)"));
		}
		if (a.cclEccn() != null) {
			if (!ECCN.matcher(a.cclEccn()).matches()) {
				errors.add(new InputError(at + "cclEccn", "'" + a.cclEccn() + "' is not an ECCN (e.g. 0A501.a)"));
			}
			else if (SERIES_600.matcher(a.cclEccn()).matches()) {
				errors.add(new InputError(at + "cclEccn", "'" + a.cclEccn()
						+ "' is a 600-series or 9x515 ECCN: give it as series600Eccn (reviewed first)"));
			}
		}
		return errors;
	}

}
