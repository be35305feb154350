package org.exportpathways.qualification;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.exportpathways.bundle.ReferenceData;
import org.exportpathways.domain.InputError;
import org.exportpathways.kernel.DecisionRequest;

/** A foreign source to qualify. Any value may be null: unknown, never zero or false. */
public record QualificationRequest(LocalDate asOf, String supplierCountry, String manufactureCountry,
		String productKind, Boolean commercialOffTheShelf, Boolean chemicalWarfareProtectiveClothing,
		Boolean domesticAtEveryStage, Boolean containsSpecialtyMetal, String specialtyMetalMeltCountry,
		BigDecimal domesticComponentShare, BigDecimal qualifyingCountryComponentShare, BigDecimal contractValue,
		String placeOfUse, Integer deliveryYear, String buyer, String dpaTitle, Boolean nonavailability,
		Boolean unreasonableCost, Boolean publicInterest,
		Boolean fallbackThresholdConditions) implements DecisionRequest {

	@Override
	public List<InputError> check(ReferenceData data, String prefix) {
		List<InputError> errors = new ArrayList<>();
		checkCountry(data, supplierCountry, prefix + "supplierCountry", errors);
		checkCountry(data, manufactureCountry, prefix + "manufactureCountry", errors);
		checkCountry(data, specialtyMetalMeltCountry, prefix + "specialtyMetalMeltCountry", errors);
		if (specialtyMetalMeltCountry() != null && "SPECIALTY_METAL".equals(productKind())) {
			errors.add(new InputError(prefix + "specialtyMetalMeltCountry",
					"for SPECIALTY_METAL the melt country is manufactureCountry; " + "give it there"));
		}
		if (containsSpecialtyMetal() != null && !Set.of("END_PRODUCT", "COMPONENT").contains(productKind())) {
			errors.add(new InputError(prefix + "containsSpecialtyMetal", "only used with END_PRODUCT or COMPONENT"));
		}
		if (specialtyMetalMeltCountry() != null && Boolean.FALSE.equals(containsSpecialtyMetal())) {
			errors.add(new InputError(prefix + "specialtyMetalMeltCountry",
					"given although containsSpecialtyMetal is false"));
		}
		if (domesticAtEveryStage() != null
				&& !Set.of("TEXTILE_OR_CLOTHING", "FOOD", "HAND_TOOL").contains(productKind())) {
			errors.add(new InputError(prefix + "domesticAtEveryStage",
					"only used with Berry items (textiles and clothing, food, hand tools)"));
		}
		if (domesticComponentShare() != null && qualifyingCountryComponentShare() != null
				&& domesticComponentShare().add(qualifyingCountryComponentShare())
					.compareTo(BigDecimal.valueOf(100)) > 0) {
			errors.add(new InputError(prefix + "qualifyingCountryComponentShare",
					"domestic and qualifying-country shares add up to more than 100 percent"));
		}
		if (chemicalWarfareProtectiveClothing() != null && !"TEXTILE_OR_CLOTHING".equals(productKind())) {
			errors.add(new InputError(prefix + "chemicalWarfareProtectiveClothing",
					"only used with productKind TEXTILE_OR_CLOTHING"));
		}
		return errors;
	}

	private static void checkCountry(ReferenceData data, String code, String field, List<InputError> errors) {
		if (code != null && !data.isCountry(code)) {
			errors.add(new InputError(field, "'" + code + "' is not an ISO 3166-1 alpha-2 country code"));
		}
	}

}
