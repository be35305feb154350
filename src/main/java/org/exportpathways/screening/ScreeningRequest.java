package org.exportpathways.screening;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

import org.exportpathways.bundle.ReferenceData;
import org.exportpathways.domain.InputError;
import org.exportpathways.domain.UnitedStates;
import org.exportpathways.jurisdiction.Answers;
import org.exportpathways.jurisdiction.JurisdictionRequest;
import org.exportpathways.kernel.DecisionRequest;
import org.exportpathways.notification.SaleCase;

/**
 * A transfer to screen, as the screening service takes it. Any value may be null:
 * unknown, never zero or false.
 */
public record ScreeningRequest(LocalDate asOf, String destination, String channel, EndUser endUser, Exporter exporter,
		Boolean temporary, Boolean manufactureAbroad, Boolean priorLicensedExport, List<Item> items,
		Sale sale) implements DecisionRequest {

	/**
	 * The end user and what the request says of it ({@code usGovernmentOrNatoAgency}:
	 * U.S. Government personnel or agencies under License Exception GOV, or the official
	 * use of a NATO agency, 15 CFR 743.6).
	 */
	public record EndUser(String type, Boolean aukusAuthorizedUser, Boolean canadianRegistered,
			Boolean treatyApprovedCommunity, Boolean armedForcesSupport, Boolean securityForces,
			Set<String> dualNationalities, Boolean usGovernmentOrNatoAgency) {

		public static final EndUser UNKNOWN = new EndUser(null, null, null, null, null, null, null, null);

	}

	/** The exporter. */
	public record Exporter(Boolean ddtcRegistered, Boolean aukusAuthorizedUser) {

		public static final Exporter UNKNOWN = new Exporter(null, null);

	}

	/**
	 * An item: exactly one of {@code usml}, {@code eccn}, {@code ear99} or
	 * {@code jurisdictionFacts} (answers for a jurisdiction determination, which then
	 * places the item).
	 */
	public record Item(String id, Usml usml, String eccn, Boolean ear99, BigDecimal value,
			Boolean listedInPart746Supplement, Answers jurisdictionFacts) {

		public Item(String id, Usml usml, String eccn, Boolean ear99, BigDecimal value,
				Boolean listedInPart746Supplement) {
			this(id, usml, eccn, ear99, value, listedInPart746Supplement, null);
		}

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

	@Override
	public List<InputError> check(ReferenceData data, String prefix) {
		ScreeningRequest r = this;
		List<InputError> errors = new ArrayList<>();
		if (UnitedStates.ISO2.equals(r.destination())) {
			errors.add(new InputError(prefix + "destination", "the United States is not an export destination"));
		}
		else if (!data.isCountry(r.destination())) {
			errors.add(new InputError(prefix + "destination",
					"'" + r.destination() + "' is not an ISO 3166-1 alpha-2 country code"));
		}
		if (r.endUser() != null && r.endUser().dualNationalities() != null) {
			for (String c : r.endUser().dualNationalities()) {
				if (!data.isCountry(c)) {
					errors.add(new InputError(prefix + "endUser.dualNationalities",
							"'" + c + "' is not an ISO 3166-1 alpha-2 country code"));
				}
			}
		}
		if (r.sale() != null && r.sale().newSalesTerritory() != null) {
			for (String c : r.sale().newSalesTerritory()) {
				if (!data.isCountry(c)) {
					errors.add(new InputError(prefix + "sale.newSalesTerritory",
							"'" + c + "' is not an ISO 3166-1 alpha-2 country code"));
				}
			}
		}
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < r.items().size(); i++) {
			Item item = r.items().get(i);
			String at = prefix + "items[" + i + "]";
			if (!ids.add(item.id())) {
				errors.add(new InputError(at + ".id", "duplicate id '" + item.id() + "'"));
			}
			int described = ((item.usml() != null) ? 1 : 0) + ((item.eccn() != null) ? 1 : 0)
					+ (Boolean.TRUE.equals(item.ear99()) ? 1 : 0) + ((item.jurisdictionFacts() != null) ? 1 : 0);
			if (described != 1) {
				errors.add(new InputError(at, "describe the item by exactly one of usml, eccn, ear99: true or "
						+ "jurisdictionFacts (found " + described + ")"));
			}
			if (item.jurisdictionFacts() != null) {
				errors
					.addAll(JurisdictionRequest.check(item.jurisdictionFacts(), at + ".jurisdictionFacts.", null, at));
			}
			if (item.ear99() != null && !item.ear99()) {
				errors.add(new InputError(at + ".ear99", "ear99 is either true or absent"));
			}
			if (item.eccn() != null) {
				Matcher m = EarCatalog.ECCN.matcher(item.eccn());
				if (!m.matches()) {
					errors.add(new InputError(at + ".eccn",
							"'" + item.eccn() + "' is not an ECCN (e.g. 9A610 or 9A610.x)"));
				}
				else if (!EarCatalog.listed(data, m.group(1))) {
					errors.add(new InputError(at + ".eccn", "'" + m.group(1)
							+ "' is not an ECCN of the Commerce Control " + "List in the rule bundle"));
				}
			}
			if (item.listedInPart746Supplement() != null && !Boolean.TRUE.equals(item.ear99())
					&& item.jurisdictionFacts() == null) {
				errors.add(new InputError(at + ".listedInPart746Supplement", "only used for EAR99 items"));
			}
		}
		if (errors.isEmpty()) {
			SaleCase sale = TransferSale.saleCase(this, data);
			if (sale != null) {
				errors.addAll(TransferSale.checkSale(this, sale, data, prefix));
			}
		}
		return errors;
	}

	/** An ECCN must be in force on the screening's date (422 naming the item). */
	@Override
	public List<InputError> checkInForce(ReferenceData data, String prefix) {
		List<InputError> errors = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			Item item = items.get(i);
			if (item.eccn() != null) {
				Matcher m = EarCatalog.ECCN.matcher(item.eccn());
				if (m.matches() && !EarCatalog.inForce(data, m.group(1), asOf)) {
					errors.add(new InputError(prefix + "items[" + i + "].eccn",
							"ECCN " + m.group(1) + " is not in force on " + asOf + " in the rule bundle"));
				}
			}
		}
		return errors;
	}

}
