package org.exportpathways.screening;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.exportpathways.bundle.DatedRecord;
import org.exportpathways.bundle.ReferenceData;
import org.exportpathways.domain.InputError;
import org.exportpathways.domain.StableSets;
import org.exportpathways.notification.Channel;
import org.exportpathways.notification.SaleCase;

/**
 * The sale a screening implies for the congressional-notification check, when it has USML
 * items: the channel, destination and date of the transfer, its sale block, the Category
 * I firearms among the items, and the items' values as a lower bound of an unknown total.
 */
final class TransferSale {

	/**
	 * The USML paragraphs whose firearms count toward the firearms trigger of
	 * 123.15(a)(3).
	 */
	static final String FIREARMS = "usml-firearms";

	private TransferSale() {
	}

	/**
	 * The sale as the notification rules see it, when the transfer has ITAR items; else
	 * null.
	 */
	static SaleCase saleCase(ScreeningRequest r, ReferenceData data) {
		Set<String> categories = new LinkedHashSet<>();
		for (ScreeningRequest.Item item : r.items()) {
			if (item.usml() != null) {
				categories.add(item.usml().category());
			}
		}
		if (categories.isEmpty()) {
			return null;
		}
		ScreeningRequest.Sale s = (r.sale() != null) ? r.sale() : ScreeningRequest.Sale.UNKNOWN;
		BigDecimal itemsValue = BigDecimal.ZERO;
		for (ScreeningRequest.Item item : r.items()) {
			if (item.value() != null) {
				itemsValue = itemsValue.add(item.value());
			}
		}
		if (manufacturingAgreement(r)) {
			return new SaleCase(Channel.MANUFACTURING_AGREEMENT, r.destination(), r.asOf(),
					s.majorDefenseEquipmentValue(), s.totalValue(),
					(s.totalValue() == null && itemsValue.signum() > 0) ? itemsValue : null,
					s.designAndConstructionValue(), null, StableSets.sorted(categories), significantEquipment(r),
					(s.newSalesTerritory() != null) ? StableSets.sorted(s.newSalesTerritory()) : null, null);
		}
		return new SaleCase(Channel.valueOf(r.channel()), r.destination(), r.asOf(), s.majorDefenseEquipmentValue(),
				s.totalValue(), (s.totalValue() == null && itemsValue.signum() > 0) ? itemsValue : null,
				s.designAndConstructionValue(), "DCS".equals(r.channel()) ? firearmsValue(r, data) : null,
				StableSets.sorted(categories), null,
				(s.newSalesTerritory() != null) ? StableSets.sorted(s.newSalesTerritory()) : null, null);
	}

	/**
	 * Whether the transfer is approved as a manufacturing license agreement (22 CFR part
	 * 124): a commercial (DCS) transfer that involves manufacture abroad, whose
	 * congressional review is section 36(d) (22 U.S.C. 2776(d)(1); 22 CFR 124.11), not
	 * the dollar tests of 36(c).
	 */
	static boolean manufacturingAgreement(ScreeningRequest r) {
		return "DCS".equals(r.channel()) && Boolean.TRUE.equals(r.manufactureAbroad());
	}

	/**
	 * Whether the USML items include significant military equipment: true when one is,
	 * false when none is and every one says so, null (unknown) otherwise.
	 */
	static Boolean significantEquipment(ScreeningRequest r) {
		boolean unknown = false;
		for (ScreeningRequest.Item item : r.items()) {
			if (item.usml() != null) {
				if (Boolean.TRUE.equals(item.usml().sme())) {
					return Boolean.TRUE;
				}
				unknown |= item.usml().sme() == null;
			}
		}
		return unknown ? null : Boolean.FALSE;
	}

	/**
	 * Problems with the sale block: as the notification pack checks them, and the items'
	 * values against the total.
	 */
	static List<InputError> checkSale(ScreeningRequest r, SaleCase sale, ReferenceData data, String prefix) {
		List<InputError> errors = new ArrayList<>();
		for (InputError e : sale.check(data, prefix + "sale.")) {
			errors.add(e.field().equals(prefix + "sale.firearmsValue")
					? new InputError(prefix + "items", "the Category I(a)-(g) firearms among the items: " + e.message())
					: e);
		}
		BigDecimal known = BigDecimal.ZERO;
		for (ScreeningRequest.Item item : r.items()) {
			if (item.value() != null) {
				known = known.add(item.value());
			}
		}
		if (sale.totalValue() != null && known.compareTo(sale.totalValue()) > 0) {
			errors.add(new InputError(prefix + "sale.totalValue", "the items' values add up to " + known.toPlainString()
					+ ", more than the sale's total of " + sale.totalValue().toPlainString()));
		}
		return errors;
	}

	/** The notification's missing fields, named as the screening request names them. */
	static List<String> screeningPaths(List<String> missing) {
		return missing.stream().map((f) -> switch (f) {
			case "firearmsValue" -> "items[].usml.paragraph and items[].value (Category I items)";
			case "usmlCategories" -> "items[].usml.category";
			case "significantMilitaryEquipment" -> "items[].usml.sme";
			default -> "sale." + f;
		}).distinct().toList();
	}

	/**
	 * The value of the USML Category I(a)-(g) firearms among the items (22 CFR
	 * 123.15(a)(3)): null when a Category I item's paragraph, or a firearm's value, is
	 * not given.
	 */
	static BigDecimal firearmsValue(ScreeningRequest r, ReferenceData data) {
		List<DatedRecord> firearms = data.inForce(FIREARMS, r.asOf());
		BigDecimal sum = BigDecimal.ZERO;
		for (ScreeningRequest.Item item : r.items()) {
			ScreeningRequest.Usml u = item.usml();
			if (u != null && firearms.stream().anyMatch((f) -> f.get("category").equals(u.category()))) {
				if (u.paragraph() == null) {
					return null;
				}
				String letter = u.paragraph().substring(0, 1);
				if (firearms.stream()
					.anyMatch((f) -> f.get("category").equals(u.category()) && f.get("paragraph").equals(letter))) {
					if (item.value() == null) {
						return null;
					}
					sum = sum.add(item.value());
				}
			}
		}
		return sum;
	}

}
