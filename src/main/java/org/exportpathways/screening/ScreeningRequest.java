package org.exportpathways.screening;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** A transfer to screen, as the screening service takes it. Any value may be null: unknown, never zero or false. */
public record ScreeningRequest(LocalDate asOf, String destination, String channel, EndUser endUser, Exporter exporter,
		Boolean temporary, Boolean manufactureAbroad, Boolean priorLicensedExport, List<Item> items, Sale sale) {

	/** The end user and what the request says of it. */
	public record EndUser(String type, Boolean aukusAuthorizedUser, Boolean canadianRegistered,
			Boolean treatyApprovedCommunity, Boolean armedForcesSupport, Boolean securityForces,
			Set<String> dualNationalities) {

		public static final EndUser UNKNOWN = new EndUser(null, null, null, null, null, null, null);

	}

	/** The exporter. */
	public record Exporter(Boolean ddtcRegistered, Boolean aukusAuthorizedUser) {

		public static final Exporter UNKNOWN = new Exporter(null, null);

	}

	/** An item: exactly one of {@code usml}, {@code eccn} or {@code ear99}. */
	public record Item(String id, Usml usml, String eccn, Boolean ear99, BigDecimal value,
			Boolean listedInPart746Supplement) {
	}

	/** A USML entry and what the request says of the item. */
	public record Usml(String category, String paragraph, Boolean sme, Boolean classified, String kind,
			Boolean excludedTechnologyList, Boolean supplementNo1Excluded) {
	}

	/** Sale values for the congressional-notification check. */
	public record Sale(BigDecimal majorDefenseEquipmentValue, BigDecimal totalValue,
			BigDecimal designAndConstructionValue, Set<String> newSalesTerritory) {

		public static final Sale UNKNOWN = new Sale(null, null, null, null);

	}

}
