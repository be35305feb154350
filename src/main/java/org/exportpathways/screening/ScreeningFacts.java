package org.exportpathways.screening;

import org.exportpathways.jurisdiction.JurisdictionResult;

import org.exportpathways.notification.Outcome;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Facts of a transfer screening. Every Boolean and value may be null, meaning unknown:
 * the rules never read null as false or zero.
 */
public final class ScreeningFacts {

	private ScreeningFacts() {
	}

	/**
	 * The transfer: destination, date, channel ({@code DCS} or {@code FMS}), the end user
	 * ({@code endUserType} {@code GOVERNMENT}, {@code COMMERCIAL} or {@code INDIVIDUAL})
	 * and the exporter, and what the request says of them.
	 */
	public record Transfer(String destination, LocalDate asOf, String channel, String endUserType,
			Boolean endUserAukusAuthorized, Boolean endUserCanadianRegistered, Boolean endUserTreatyCommunity,
			Boolean armedForcesSupport, Boolean endUserSecurityForces, Boolean exporterRegistered,
			Boolean exporterAukusAuthorized, Boolean temporary, Boolean manufactureAbroad, Boolean priorLicensedExport,
			Set<String> dualNationalities) {

		public boolean government() {
			return "GOVERNMENT".equals(endUserType);
		}

	}

	/**
	 * An item described by a USML entry. {@code kind} is {@code HARDWARE},
	 * {@code TECHNICAL_DATA} or {@code DEFENSE_SERVICE}; {@code supplementNo1Excluded} is
	 * whether the item is excluded from the destination's exemption in Supplement No. 1
	 * to part 126; {@code excludedTechnologyList}, whether it is on Supplement No. 2.
	 */
	public record UsmlItem(String id, String category, String paragraph, Boolean sme, Boolean classified, String kind,
			Boolean excludedTechnologyList, Boolean supplementNo1Excluded, BigDecimal value) {

		public String entry() {
			return "USML Category " + category + ((paragraph != null) ? "(" + paragraph + ")" : "");
		}

	}

	/**
	 * An item subject to the EAR: an ECCN entry of the CCL (with its series, reasons for
	 * control as Country Chart columns, LVS limit, GBS eligibility, STA restriction), or
	 * EAR99 ({@code series} {@code EAR99}). {@code paragraph} is the ECCN paragraph given
	 * (e.g. {@code y.1}), or null.
	 */
	public record EarItem(String id, String eccn, String paragraph, String series, List<String> columns, BigDecimal lvs,
			Boolean gbs, boolean staRestricted, BigDecimal value, Boolean listedInPart746Supplement) {

		/** 600 series or 9x515: the munitions items moved from the USML. */
		public boolean munitions() {
			return "600".equals(series) || "9x515".equals(series);
		}

		/** A .y paragraph of a 600-series or 9x515 entry. */
		public boolean yParagraph() {
			return munitions() && paragraph != null && paragraph.startsWith("y");
		}

		public boolean ear99() {
			return "EAR99".equals(series);
		}

		/** The paragraph letter given (e.g. {@code x} for {@code 9A610.x.1}), or null. */
		public String letter() {
			return (paragraph == null || paragraph.isEmpty()) ? null : paragraph.substring(0, 1);
		}

	}

	/**
	 * One reason for control of an ECCN entry and its Country Chart column, with the part
	 * of the entry it covers: {@code scope} ENTIRE, ENTIRE_EXCEPT or PARAGRAPHS (the
	 * paragraph letters listed) or CONDITIONAL (technical or end-use conditions, quoted
	 * in {@code text}).
	 */
	public record EccnControl(String eccn, String column, String scope, List<String> paragraphs, String text) {
	}

	/**
	 * A license requirement of an ECCN entry that is not a Country Chart column:
	 * {@code destinations} WORLDWIDE, UN_SANCTIONED (746.1(b)), D5_AND_MACAU,
	 * CHINA_RUSSIA_VENEZUELA, or READ_ENTRY (not decided here), with the entry's wording.
	 */
	public record EccnRequirement(String eccn, String reason, String scope, List<String> paragraphs,
			String destinations, String text, String requirement) {
	}

	/**
	 * A Country Chart column that controls the item (its reason for control covers the
	 * item's paragraph).
	 */
	public record ItemControl(String itemId, String column) {
	}

	/**
	 * The destination's 22 CFR 126.1 listing in force ({@code policy} DENIAL or
	 * SUSPENDED; {@code appliesTo} COUNTRY, or SECURITY_FORCES where the paragraph denies
	 * only exports to or for the armed forces, police, intelligence or other internal
	 * security forces), with the note of its reference row.
	 */
	public record ItarListing(String country, String table, String paragraph, String policy, String appliesTo,
			String citation, LocalDate effectiveFrom, LocalDate effectiveTo, String note) {

		/** Whether the reference row is marked unconfirmed. */
		public boolean unconfirmed() {
			return note != null && (note.contains("UNCONFIRMED") || note.contains("[U]"));
		}

	}

	/** Whether the item is prohibited depends on a fact not given. */
	public record ProhibitionUnknown(String itemId, String field) {
	}

	/** The destination's membership of an EAR Country Group in force. */
	public record CountryGroup(String country, String group, String citation, LocalDate effectiveFrom,
			LocalDate effectiveTo) {
	}

	/** An X in the destination's Commerce Country Chart row in force. */
	public record ChartCell(String country, String column, String citation, LocalDate effectiveFrom,
			LocalDate effectiveTo) {
	}

	/**
	 * An embargo of part 746 in force for the destination ({@code scope} ALL_ITEMS or
	 * CCL_AND_LISTED_EAR99).
	 */
	public record Embargo(String country, String section, String scope, String citation, LocalDate effectiveFrom) {
	}

	/**
	 * An ITAR exemption in force on the date that is available for the destination, and
	 * what it requires.
	 */
	public record ExemptionAvailable(String code, String conditions, String citation, LocalDate effectiveFrom) {
	}

	/**
	 * The congressional-notification decision for the sale (from the notification pack).
	 */
	public record NotificationStatus(Outcome outcome, List<String> missing) {
	}

	/** The item may not go: a policy of denial. */
	public record Prohibited(String itemId, String citation) {
	}

	/**
	 * A reason the item needs a license: {@code kind} CHART (a Country Chart column,
	 * named in {@code reason}), EMBARGO (part 746) or CONTROL (a requirement of the entry
	 * itself, e.g. .y items to China).
	 */
	public record LicenseRequirement(String itemId, String kind, String reason, String citation) {
	}

	/** An exemption whose conditions are checked for the item. */
	public record ExemptionCandidate(String itemId, String code) {
	}

	/**
	 * One condition of a candidate exemption, evaluated for the item: {@code status} MET,
	 * FAILED ({@code condition} says what fails) or UNKNOWN ({@code missing} names the
	 * facts not given that would decide it).
	 */
	public record ExemptionCondition(String itemId, String code, String condition, String status,
			List<String> missing) {

		/**
		 * A fact that satisfies the condition: {@code holds} TRUE, FALSE or null (not
		 * given, named by {@code field}).
		 */
		public record Alternative(String field, Boolean holds) {
		}

		/** The condition holds when {@code field} is TRUE. */
		public static Alternative fact(String field, Boolean value) {
			return new Alternative(field, value);
		}

		/** The condition holds when {@code field} is FALSE. */
		public static Alternative no(String field, Boolean value) {
			return new Alternative(field, (value != null) ? !value : null);
		}

		/**
		 * Met when any alternative holds, failed when every one is FALSE, otherwise
		 * unknown, naming the first alternative not given.
		 */
		public static ExemptionCondition anyOf(String itemId, String code, String condition,
				Alternative... alternatives) {
			String unknown = null;
			for (Alternative a : alternatives) {
				if (Boolean.TRUE.equals(a.holds())) {
					return new ExemptionCondition(itemId, code, condition, "MET", List.of());
				}
				if (a.holds() == null && unknown == null) {
					unknown = a.field();
				}
			}
			return (unknown == null) ? new ExemptionCondition(itemId, code, condition, "FAILED", List.of())
					: new ExemptionCondition(itemId, code, condition, "UNKNOWN", List.of(unknown));
		}

		/**
		 * Met, failed, or (when {@code holds} is null) unknown for want of the
		 * {@code missing} facts.
		 */
		public static ExemptionCondition of(String itemId, String code, String condition, Boolean holds,
				List<String> missing) {
			String status = (holds == null) ? "UNKNOWN" : (holds ? "MET" : "FAILED");
			return new ExemptionCondition(itemId, code, condition, status,
					(holds == null) ? List.copyOf(missing) : List.of());

		}

	}

	/** A condition of a candidate exemption that the item or transfer fails. */
	public record ConditionFailed(String itemId, String code, String condition) {
	}

	/**
	 * A condition of a candidate exemption that depends on a fact not given;
	 * {@code field} names it.
	 */
	public record ConditionUnknown(String itemId, String code, String field) {
	}

	/** Whether a candidate exemption applies: APPLIES, NOT_AVAILABLE or UNDETERMINED. */
	public record ExemptionResult(String itemId, String code, String status) {
	}

	/** The item's outcome. */
	public record ItemDecision(String itemId, ScreeningOutcome outcome) {
	}

	/** The license the item needs (DSP-5, DSP-73, DSP-85, TAA, BIS license). */
	public record LicenseType(String itemId, String type) {
	}

	/** A fact that would decide an UNDETERMINED item. */
	public record ItemMissing(String itemId, String field) {
	}

	/**
	 * A license exception offered as a candidate, never applied: the exporter must meet
	 * its conditions.
	 */
	public record LicenseExceptionCandidate(String itemId, String code, String citation, List<String> conditions) {
	}

	/**
	 * A Country Chart column (or footnote) that may require a license for the item but
	 * depends on a paragraph or condition not given: the answer is not assumed.
	 */
	public record ChartUnknown(String itemId, String column) {
	}

	/** A footnote of the destination's Country Chart row in force. */
	public record ChartFootnote(String country, String footnote, String citation, LocalDate effectiveFrom,
			LocalDate effectiveTo) {
	}

	/**
	 * An ECCN (or part of it, by {@code scope} and {@code paragraphs} as in
	 * {@link EccnControl}) that a Country Chart footnote requires a license for, in
	 * force.
	 */
	public record FootnoteItem(String footnote, String eccn, String scope, List<String> paragraphs, String text,
			String citation, LocalDate effectiveFrom) {
	}

	/**
	 * What the request says for the EAR congressional notification (15 CFR 743.6):
	 * whether the export is to U.S. Government personnel or agencies under License
	 * Exception GOV or for the official use of a NATO agency (null: not given).
	 */
	public record EarNotificationRequest(Boolean usGovernmentOrNatoAgency) {
	}

	/**
	 * The EAR congressional-notification decision for the application's 0A501.a firearms:
	 * {@code outcome} REQUIRED, NOT_REQUIRED or UNDETERMINED, with the value counted and
	 * the threshold in force (null when not in force or not reached by the rules).
	 */
	public record EarNotification(String outcome, BigDecimal firearmsValue, BigDecimal threshold, String citation) {
	}

	/**
	 * A fact that would decide the EAR notification: {@code itemId} null for a fact of
	 * the request, else the item's {@code field}.
	 */
	public record EarNotificationMissing(String itemId, String field) {
	}

	/**
	 * The jurisdiction determination of an item described by {@code jurisdictionFacts}
	 * (decided by the jurisdiction pack on its own session).
	 */
	public record ItemJurisdiction(String itemId, JurisdictionResult determination) {
	}

}
