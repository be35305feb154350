package org.exportpathways.screening;

import java.util.Map;

import org.exportpathways.kernel.Fmt;

/**
 * The question a missing request fact answers (screening, notification or qualification),
 * in plain words for messages (a DRL function): {@code endUser.treatyApprovedCommunity}
 * reads "whether the end user is a member of the Approved Community". A field not listed
 * reads as its words.
 */
public final class FactNames {

	private static final Map<String, String> QUESTIONS = Map.ofEntries(
			Map.entry("usml.classified", "whether the item is classified"),
			Map.entry("usml.sme", "whether the items are significant military equipment"),
			Map.entry("usml.kind", "whether the item is a defense article, technical data or a defense service"),
			Map.entry("usml.supplementNo1Excluded",
					"whether the item is excluded in the destination's column of Supplement No. 1 to part 126"),
			Map.entry("usml.excludedTechnologyList",
					"whether the item is on the Excluded Technology List (Supplement No. 2 to part 126)"),
			Map.entry("endUser.type", "the type of end user (government or other)"),
			Map.entry("endUser.canadianRegistered", "whether the end user is a Canadian-registered person"),
			Map.entry("endUser.aukusAuthorizedUser", "whether the recipient is an AUKUS Authorized User"),
			Map.entry("endUser.treatyApprovedCommunity", "whether the recipient is a member of the Approved Community"),
			Map.entry("endUser.securityForces",
					"whether the end user is an armed, police, intelligence or internal security force"),
			Map.entry("exporter.ddtcRegistered", "whether the exporter is registered with DDTC"),
			Map.entry("exporter.aukusAuthorizedUser", "whether the exporter is an AUKUS Authorized User"),
			Map.entry("priorLicensedExport",
					"whether the articles were first exported under a license or other approval"),
			Map.entry("manufactureAbroad",
					"whether the transfer involves the manufacture abroad of significant military equipment"),
			Map.entry("temporary", "whether the export is temporary"),
			Map.entry("listedInPart746Supplement", "whether the item is listed in a supplement to part 746"),
			Map.entry("sale.majorDefenseEquipmentValue", "the value of major defense equipment in the sale"),
			Map.entry("sale.totalValue", "the total value of the sale"),
			Map.entry("sale.designAndConstructionValue", "the value of design and construction services"),
			Map.entry("sale.newSalesTerritory", "the new sales territory"),
			Map.entry("majorDefenseEquipmentValue", "the value of major defense equipment"),
			Map.entry("totalValue", "the total value of defense articles and services"),
			Map.entry("designAndConstructionValue", "the value of design and construction services"),
			Map.entry("firearmsValue", "the value of the Category I(a)-(g) firearms"),
			Map.entry("usmlCategories", "the USML categories of the license"),
			Map.entry("newSalesTerritory", "the new sales territory"),
			Map.entry("significantMilitaryEquipment",
					"whether the agreement involves the manufacture abroad of significant military equipment"),
			Map.entry("manufactureCountry", "the country of manufacture"),
			Map.entry("commercialOffTheShelf", "whether the item is commercial off-the-shelf (COTS)"),
			Map.entry("domesticComponentShare", "the share of U.S. components"),
			Map.entry("qualifyingCountryComponentShare", "the share of qualifying-country components"),
			Map.entry("deliveryYear", "the year of delivery"), Map.entry("contractValue", "the contract value"),
			Map.entry("placeOfUse", "where the supplies will be used"),
			Map.entry("domesticAtEveryStage", "whether every stage of production is in the United States"),
			Map.entry("containsSpecialtyMetal", "whether the item contains specialty metal"),
			Map.entry("specialtyMetalMeltCountry", "where the specialty metal was melted or produced"),
			Map.entry("chemicalWarfareProtectiveClothing", "whether the item is chemical warfare protective clothing"));

	private FactNames() {
	}

	/** The plain question {@code field} answers. */
	public static String describe(String field) {
		return QUESTIONS.getOrDefault(field, "the " + Fmt.words(field));
	}

}
