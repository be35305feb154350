package org.exportpathways.notification;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

/**
 * A sale as the notification rules see it. Every value may be null, meaning unknown (never zero, never false). An
 * empty {@code newSalesTerritory} or {@code usmlCategories} means "none"; null means unknown. {@code firearmsValue} is
 * the value of the USML Category I(a)-(g) firearms in a license (22 CFR 123.15(a)(3)); {@code totalValueAtLeast} a
 * lower bound of an unknown total known from elsewhere (e.g. the values of a screening's items).
 */
public record SaleCase(Channel channel, String recipient, LocalDate asOf, BigDecimal majorDefenseEquipmentValue,
		BigDecimal totalValue, BigDecimal totalValueAtLeast, BigDecimal designAndConstructionValue,
		BigDecimal firearmsValue, Set<String> usmlCategories, Boolean significantMilitaryEquipment,
		Set<String> newSalesTerritory, Boolean emergency) {

	/** Whether the articles include USML Category I firearms; null when the categories are unknown. */
	public Boolean includesFirearms() {
		return usmlCategories == null ? null : usmlCategories.contains("I");
	}

}
