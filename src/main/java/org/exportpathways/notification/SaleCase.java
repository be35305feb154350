package org.exportpathways.notification;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.exportpathways.bundle.ReferenceData;
import org.exportpathways.domain.InputError;
import org.exportpathways.domain.UnitedStates;

/**
 * A sale as the notification rules see it. Every value may be null, meaning unknown
 * (never zero, never false). An empty {@code newSalesTerritory} or {@code usmlCategories}
 * means "none"; null means unknown. {@code firearmsValue} is the value of the USML
 * Category I(a)-(g) firearms in a license (22 CFR 123.15(a)(3));
 * {@code totalValueAtLeast} a lower bound of an unknown total known from elsewhere (e.g.
 * the values of a screening's items).
 */
public record SaleCase(Channel channel, String recipient, LocalDate asOf, BigDecimal majorDefenseEquipmentValue,
		BigDecimal totalValue, BigDecimal totalValueAtLeast, BigDecimal designAndConstructionValue,
		BigDecimal firearmsValue, Set<String> usmlCategories, Boolean significantMilitaryEquipment,
		Set<String> newSalesTerritory, Boolean emergency) {

	/**
	 * Whether the articles include USML Category I firearms; null when the categories are
	 * unknown.
	 */
	public Boolean includesFirearms() {
		return usmlCategories == null ? null : usmlCategories.contains("I");
	}

	/** The recipient that stands for the North Atlantic Treaty Organization itself. */
	public static final String NATO = "NATO";

	/**
	 * Problems with a sale the rules cannot take (400): unknown countries, values that
	 * contradict each other, values given for another channel. {@code prefix} is the JSON
	 * path of the sale ("" for a single request).
	 */
	public List<InputError> check(ReferenceData data, String prefix) {
		List<InputError> errors = new ArrayList<>();
		if (UnitedStates.ISO2.equals(recipient())) {
			errors.add(new InputError(prefix + "recipient", "the United States is not a foreign recipient"));
		}
		else if (!NATO.equals(recipient()) && !data.isCountry(recipient())) {
			errors.add(new InputError(prefix + "recipient",
					"'" + recipient() + "' is not an ISO 3166-1 alpha-2 country code (or NATO)"));
		}
		if (majorDefenseEquipmentValue() != null && totalValue() != null
				&& majorDefenseEquipmentValue().compareTo(totalValue()) > 0) {
			errors.add(new InputError(prefix + "majorDefenseEquipmentValue", "cannot exceed totalValue "
					+ totalValue().toPlainString() + ": major defense equipment is part of the total"));
		}
		if (firearmsValue() != null && totalValue() != null && firearmsValue().compareTo(totalValue()) > 0) {
			errors.add(new InputError(prefix + "firearmsValue", "cannot exceed totalValue "
					+ totalValue().toPlainString() + ": the firearms are part of the license"));
		}
		if (firearmsValue() != null && firearmsValue().signum() > 0 && Boolean.FALSE.equals(includesFirearms())) {
			errors.add(new InputError(prefix + "firearmsValue",
					"a firearms value is given but usmlCategories does not include I"));
		}
		if (firearmsValue() != null && channel() != Channel.DCS) {
			errors.add(new InputError(prefix + "firearmsValue", "only used with DCS licenses ("
					+ data.parameter("congressional-notification/thresholds/dcs/standard/firearms").citation() + ")"));
		}
		if (designAndConstructionValue() != null && channel() != Channel.FMS) {
			errors.add(new InputError(prefix + "designAndConstructionValue",
					"only used with FMS letters of offer (36(b)(1)); section 36(c) has no design and construction test"));
		}
		if (newSalesTerritory() != null) {
			for (String c : newSalesTerritory()) {
				if (UnitedStates.ISO2.equals(c)) {
					errors.add(
							new InputError(prefix + "newSalesTerritory", "the United States is not a sales territory"));
				}
				else if (!data.isCountry(c)) {
					errors.add(new InputError(prefix + "newSalesTerritory",
							"'" + c + "' is not an ISO 3166-1 alpha-2 country code"));
				}
			}
		}
		return errors;
	}

}
