package org.exportpathways.jurisdiction;

import java.lang.reflect.RecordComponent;
import java.util.List;

/**
 * The answers a request gives to the questions of the order of review
 * (rules/jurisdiction/reference/jurisdiction-questions.csv names each field). Any answer
 * may be null: unknown, never "no".
 */
public record Answers(Boolean cjDetermination, String cjJurisdiction, Boolean cjSuperseded, Boolean usmlEnumerated,
		Boolean usmlCatchAll, Boolean itarPeculiarlyResponsible, Boolean partOrSoftware,
		Boolean itarForUseWithDefenseArticle, Boolean itarFastener, Boolean itarSameAsNonUsmlItem,
		Boolean itarDevelopedForBoth, Boolean itarGeneralPurpose, String usmlCategory, String usmlParagraph,
		Boolean series600Enumerated, Boolean series600CatchAll, Boolean earPeculiarlyResponsible600,
		Boolean earForUseWith600, Boolean earPriorClassification, Boolean earFastener,
		Boolean earSameAsUncontrolledItem, Boolean earDevelopedForBoth, Boolean earGeneralPurpose,
		Boolean earDevelopedForUncontrolled, String series600Eccn, Boolean cclEnumerated, Boolean cclSpeciallyDesigned,
		Boolean earPeculiarlyResponsibleCcl, Boolean earForUseWithCcl, String cclEccn) {

	/** Nothing answered. */
	public static final Answers NONE = new Answers(null, null, null, null, null, null, null, null, null, null, null,
			null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
			null);

	/**
	 * The answer of the field a question sets, by name (the rules ask for a question's
	 * field generically); an error for a name that is no field.
	 */
	public Object value(String field) {
		for (RecordComponent c : Answers.class.getRecordComponents()) {
			if (c.getName().equals(field)) {
				try {
					return c.getAccessor().invoke(this);
				}
				catch (ReflectiveOperationException ex) {
					throw new IllegalStateException(ex);
				}
			}
		}
		throw new IllegalArgumentException("No answer field '" + field + "'");
	}

	/** Whether every field named is answered "no". */
	public boolean allFalse(List<String> fields) {
		return fields.stream().allMatch((f) -> Boolean.FALSE.equals(value(f)));
	}

	/** Whether {@code field} names an answer. */
	public static boolean isField(String field) {
		for (RecordComponent c : Answers.class.getRecordComponents()) {
			if (c.getName().equals(field)) {
				return true;
			}
		}
		return false;
	}

}
