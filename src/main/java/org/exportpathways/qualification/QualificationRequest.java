package org.exportpathways.qualification;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A foreign source to qualify. Any value may be null: unknown, never zero or false. */
public record QualificationRequest(LocalDate asOf, String supplierCountry, String manufactureCountry,
		String productKind, Boolean commercialOffTheShelf, Boolean chemicalWarfareProtectiveClothing,
		Boolean domesticAtEveryStage, Boolean containsSpecialtyMetal, String specialtyMetalMeltCountry,
		BigDecimal domesticComponentShare, BigDecimal qualifyingCountryComponentShare, BigDecimal contractValue,
		String placeOfUse, Integer deliveryYear, String buyer, String dpaTitle, Boolean nonavailability,
		Boolean unreasonableCost, Boolean publicInterest, Boolean fallbackThresholdConditions) {
}
