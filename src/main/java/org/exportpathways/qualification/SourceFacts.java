package org.exportpathways.qualification;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Facts of a foreign source qualification. Every value may be null, meaning unknown. */
public final class SourceFacts {

	private SourceFacts() {
	}

	/**
	 * The acquisition. {@code productKind}: END_PRODUCT, COMPONENT, SPECIALTY_METAL,
	 * TEXTILE_OR_CLOTHING, FOOD, HAND_TOOL or COMMERCIAL_IT; {@code buyer}: DOD or
	 * CIVILIAN; {@code placeOfUse}: UNITED_STATES or OUTSIDE; shares are percent of the
	 * cost of all components.
	 */
	public record Acquisition(LocalDate asOf, String supplierCountry, String manufactureCountry, String productKind,
			Boolean commercialOffTheShelf, Boolean chemicalWarfareProtectiveClothing, Boolean domesticAtEveryStage,
			Boolean containsSpecialtyMetal, String specialtyMetalMeltCountry, BigDecimal domesticShare,
			BigDecimal qualifyingShare, BigDecimal contractValue, String placeOfUse, Integer deliveryYear, String buyer,
			String dpaTitle, Boolean nonavailability, Boolean unreasonableCost, Boolean publicInterest,
			Boolean fallbackThresholdConditions) {

		/**
		 * Where the specialty metal was melted or produced: the manufacture country for
		 * metal bought as such.
		 */
		public String meltCountry() {
			return "SPECIALTY_METAL".equals(productKind) ? manufactureCountry : specialtyMetalMeltCountry;
		}

		/**
		 * Whether the specialty metals restriction reaches the item: TRUE, FALSE, or null
		 * when not known.
		 */
		public Boolean specialtyMetalInScope() {
			if (!dod()) {
				return Boolean.FALSE;
			}
			return switch (productKind) {
				case "SPECIALTY_METAL" -> Boolean.TRUE;
				case "END_PRODUCT", "COMPONENT" -> containsSpecialtyMetal;
				default -> Boolean.FALSE;
			};
		}

		public boolean dod() {
			return "DOD".equals(buyer);
		}

		/**
		 * The component share the content test counts: DoD counts qualifying-country
		 * components as domestic.
		 */
		public BigDecimal countedShare() {
			if (!dod()) {
				return domesticShare;
			}
			return (domesticShare == null || qualifyingShare == null) ? null : domesticShare.add(qualifyingShare);
		}

		/** The least the counted share can be, from the known parts. */
		public BigDecimal countedShareAtLeast() {
			BigDecimal d = (domesticShare != null) ? domesticShare : BigDecimal.ZERO;
			if (!dod()) {
				return d;
			}
			return d.add((qualifyingShare != null) ? qualifyingShare : BigDecimal.ZERO);
		}

		/** The request fields the counted share needs that are absent. */
		public List<String> shareFieldsMissing() {
			if (!dod()) {
				return (domesticShare == null) ? List.of("domesticComponentShare") : List.of();
			}
			java.util.ArrayList<String> m = new java.util.ArrayList<>();
			if (domesticShare == null) {
				m.add("domesticComponentShare");
			}
			if (qualifyingShare == null) {
				m.add("qualifyingCountryComponentShare");
			}
			return List.copyOf(m);
		}

	}

	/** An RDP qualifying country in force on the date (DFARS 225.003, 225.872-1). */
	public record QualifyingCountry(String country, String citation, LocalDate effectiveFrom, LocalDate effectiveTo) {
	}

	/** A country negotiating an RDP agreement, not (yet) qualifying. */
	public record RdpNegotiation(String country, String citation, String note) {
	}

	/**
	 * A country whose business concerns can be DPA domestic sources ({@code scope}
	 * ALL_TITLES or TITLE_III), with the act that made it one ({@code enactedBy}, for
	 * wording; empty when not recorded).
	 */
	public record DpaCountry(String country, String scope, String conditions, String enactedBy, String citation,
			LocalDate effectiveFrom) {
	}

	/**
	 * The domestic-content threshold applied (percent the counted share must exceed), in
	 * force from {@code effectiveFrom} to {@code effectiveTo} (exclusive; null:
	 * open-ended).
	 */
	public record ContentThreshold(BigDecimal percent, String citation, LocalDate effectiveFrom, LocalDate effectiveTo,
			String basis) {
	}

	/** Outcome of the component content test: MET, NOT_MET or UNKNOWN. */
	public record ContentTest(String result, List<String> missing) {
	}

	/** How the end product classifies: DOMESTIC, QUALIFYING, FOREIGN or UNKNOWN. */
	public record Classification(String kind) {
	}

	/** A Buy American exception that applies on the facts given. */
	public record BuyAmericanException(String code, String description, String citation) {
	}

	/**
	 * The status of one part of the answer: BUY_AMERICAN, BERRY, SPECIALTY_METALS or DPA.
	 */
	public record PartStatus(String part, String status) {

		/**
		 * The DPA answer "not a domestic source" (the API's YES/NO, not a country code).
		 */
		public static final String NO = "NO";

	}

	/** A request field that would decide an UNDETERMINED part. */
	public record PartMissing(String part, String field) {
	}

	/** A condition attached to a DPA domestic-source answer. */
	public record DpaCondition(String text) {
	}

}
