package org.exportpathways.jurisdiction;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.exportpathways.bundle.DatedRecord;
import org.exportpathways.bundle.ReferenceData;
import org.exportpathways.domain.Finding;
import org.exportpathways.kernel.Decided;
import org.exportpathways.kernel.Facts;
import org.exportpathways.kernel.Regime;
import org.exportpathways.jurisdiction.JurisdictionFacts.Determined;
import org.exportpathways.jurisdiction.JurisdictionFacts.NextQuestion;

/**
 * Jurisdiction determination (pack {@code jurisdiction}): the answers and the questions
 * in force go in; the rules walk the order of review and come back with where the item
 * stands, or with the first unanswered question that decides.
 */
public final class JurisdictionRegime implements Regime<JurisdictionRequest, JurisdictionResult> {

	/** The pack whose rules decide (rules/jurisdiction/). */
	public static final String PACK = "jurisdiction";

	/** The questions of the order of review (rules/jurisdiction/reference/). */
	static final String QUESTIONS = "jurisdiction-questions";

	private final ReferenceData data;

	public JurisdictionRegime(ReferenceData data) {
		this.data = data;
		for (DatedRecord r : data.rows(QUESTIONS)) {
			if (!Answers.isField(r.get("field"))) {
				throw new IllegalStateException(
						"Question " + r.get("question") + " sets '" + r.get("field") + "', which is no answer field");
			}
		}
	}

	@Override
	public String subject() {
		return "jurisdiction determinations";
	}

	@Override
	public List<String> packs() {
		return List.of(PACK);
	}

	/** The questions in force on the date, in the order of review. */
	public List<Question> questions(LocalDate asOf) {
		return data.inForce(QUESTIONS, asOf)
			.stream()
			.map((r) -> new Question(r.get("question"), Integer.parseInt(r.get("order")), r.get("field"),
					r.get("answer"), r.get("text"), r.citation(), r.effectiveFrom()))
			.sorted(Comparator.comparingInt(Question::order))
			.toList();
	}

	@Override
	public void facts(JurisdictionRequest request, Facts facts) {
		facts.insert(request.facts());
		questions(request.asOf()).forEach(facts::insert);
	}

	@Override
	public JurisdictionResult result(JurisdictionRequest request, Decided decided) {
		List<Finding> findings = decided.findings();
		List<Determined> determined = decided.all(Determined.class);
		if (determined.size() > 1) {
			throw new IllegalStateException("The " + PACK + " rules reached " + determined.size()
					+ " determinations: they are not mutually exclusive");
		}
		if (determined.size() == 1) {
			Determined d = determined.get(0);
			return new JurisdictionResult(d.outcome(), (d.outcome() == Outcome.USML) ? "ITAR" : "EAR",
					summary(d.outcome(), d.finding()), d.usmlCategory(), d.usmlParagraph(), d.eccn(),
					request.description(), null, findings, request.asOf());
		}
		NextQuestion next = decided.one(NextQuestion.class, PACK);
		return new JurisdictionResult(Outcome.UNDETERMINED, null, summary(Outcome.UNDETERMINED, next.finding()), null,
				null, null, request.description(), next.question(), findings, request.asOf());
	}

	/** The verdict first, in words, then the deciding finding with its citation. */
	private static String summary(Outcome outcome, Finding f) {
		String verdict = switch (outcome) {
			case USML -> "USML (ITAR)";
			case SERIES_600 -> "Series 600 (a 600-series or 9x515 entry, EAR)";
			case CCL -> "CCL (EAR)";
			case EAR99 -> "EAR99";
			case UNDETERMINED -> "Undetermined";
		};
		String lead = f.message()
			.toLowerCase(java.util.Locale.ROOT)
			.startsWith(verdict.toLowerCase(java.util.Locale.ROOT)) ? "" : verdict + ": ";
		return lead + f.message() + " (" + f.citation() + "). Advisory: not a commodity jurisdiction or "
				+ "classification issued by DDTC or BIS.";
	}

}
