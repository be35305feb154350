package org.exportpathways.screening;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.exportpathways.domain.InvalidInputException;
import org.exportpathways.screening.ScreeningFacts.ExemptionAvailable;
import org.exportpathways.bundle.DatedRecord;
import org.exportpathways.bundle.ReferenceData;
import org.exportpathways.kernel.Kernel;

/**
 * The profile of a destination on a date, read from the bundle's dated reference tables.
 */
public final class CountryProfileService {

	/** Membership tables reported in the profile, by the name they are reported under. */
	static final Map<String, String> MEMBERSHIPS = Map.ofEntries(Map.entry("nato-members", "NATO"),
			Map.entry("aeca-nato-plus-5", "NATO_PLUS_5"), Map.entry("aukus-partners", "AUKUS"),
			Map.entry("defense-trade-treaties", "DEFENSE_TRADE_TREATY"),
			Map.entry("aeca-middle-east", "MIDDLE_EAST (AECA 36(h))"),
			Map.entry("rdp-qualifying-countries", "RDP_QUALIFYING_COUNTRY"),
			Map.entry("rdp-negotiations", "RDP_AGREEMENT_IN_NEGOTIATION (not qualifying)"),
			Map.entry("sosa", "SECURITY_OF_SUPPLY_ARRANGEMENT"), Map.entry("ntib", "NTIB"),
			Map.entry("rgqa", "RECIPROCAL_GOVERNMENT_QUALITY_ASSURANCE"), Map.entry("mnna", "MAJOR_NON_NATO_ALLY"),
			Map.entry("dpa-domestic-source", "DPA_DOMESTIC_SOURCE_COUNTRY"));

	static final List<String> MEMBERSHIP_ORDER = List.of("nato-members", "aeca-nato-plus-5", "aukus-partners",
			"defense-trade-treaties", "aeca-middle-east", "rdp-qualifying-countries", "rdp-negotiations", "sosa",
			"ntib", "rgqa", "mnna", "dpa-domestic-source");

	private final Kernel kernel;

	private final ReferenceData data;

	private final ScreeningRegime screening;

	public CountryProfileService(Kernel kernel, ScreeningRegime screening) {
		this.kernel = kernel;
		this.data = kernel.data();
		this.screening = screening;
	}

	/**
	 * Throws {@link UnknownCountryException} for a code that is not a country of the
	 * bundle.
	 */
	public CountryProfile profile(String code, LocalDate asOf) {
		if (!code.matches("[A-Z]{2}")) {
			throw InvalidInputException.invalid("code",
					"'" + code + "' is not an ISO 3166-1 alpha-2 code (two capital letters)");
		}
		String name = data.countryName(code).orElseThrow(() -> new UnknownCountryException(code));
		if (asOf.isBefore(kernel.coversFrom(screening))) {
			throw InvalidInputException.unprocessable("asOf", "the rule bundle covers country profiles from "
					+ kernel.coversFrom(screening) + "; " + asOf + " is earlier");
		}
		List<DatedRecord> listing = data.memberships("itar-126-1", code, asOf);
		CountryProfile.Fact itar = listing.isEmpty() ? null
				: fact(listing.get(0), "126.1", "Table "
						+ ("d1".equals(listing.get(0).get("table")) ? "1 to (d)(1)"
								: "2 to (d)(2), paragraph (" + listing.get(0).get("paragraph") + ")")
						+ ": policy " + listing.get(0).get("policy")
						+ ("SECURITY_FORCES".equals(listing.get(0).get("applies_to"))
								? " (armed forces, police, intelligence and internal security forces only)" : ""));
		String status = listing.isEmpty() ? "NOT_LISTED" : listing.get(0).get("policy");
		List<CountryProfile.Fact> groups = data.memberships("ear-country-groups", code, asOf)
			.stream()
			.map((r) -> fact(r, r.get("group"), null))
			.toList();
		List<CountryProfile.Fact> chart = new ArrayList<>();
		for (DatedRecord r : data.memberships("ear-country-chart", code, asOf)) {
			for (String col : Destination.chartColumns(data, asOf)) {
				if ("X".equals(r.get(col))) {
					chart.add(fact(r, col, null));
				}
			}
		}
		List<CountryProfile.Fact> embargoes = data.memberships("ear-embargoes", code, asOf)
			.stream()
			.map((r) -> fact(r, r.get("section"), r.get("scope")))
			.toList();
		List<CountryProfile.Fact> exemptions = new ArrayList<>();
		for (ExemptionAvailable e : Destination.exemptionsAvailable(data, code, asOf)) {
			exemptions
				.add(new CountryProfile.Fact(e.code(), e.conditions(), e.citation(), null, e.effectiveFrom(), null));
		}
		List<CountryProfile.Fact> memberships = new ArrayList<>();
		for (String table : MEMBERSHIP_ORDER) {
			for (DatedRecord r : data.memberships(table, code, asOf)) {
				if (table.equals("nato-members")) {
					memberships.add(fact(r, "NATO_PLUS_5", "as a NATO member country: the AECA section 36 group with "
							+ "the 15-day review and the higher thresholds ("
							+ data
								.parameter(
										"congressional-notification/thresholds/fms/nato-plus-5/major-defense-equipment")
								.citation()
							+ "; "
							+ data
								.parameter(
										"congressional-notification/thresholds/dcs/nato-plus-5/major-defense-equipment")
								.citation()
							+ ")"));
				}
				if (table.equals("aeca-nato-plus-5")) {
					memberships.add(fact(r, "NATO_PLUS_5", "named with NATO in AECA section 36: " + r.note()));
					continue;
				}
				memberships.add(fact(r, MEMBERSHIPS.get(table),
						table.equals("dpa-domestic-source") ? r.get("scope") + ": " + r.get("conditions") : null));
			}
		}
		return new CountryProfile(code, name, asOf, status, itar, groups, chart, embargoes, exemptions, memberships);
	}

	private static CountryProfile.Fact fact(DatedRecord r, String name, String detail) {
		return new CountryProfile.Fact(name, (detail != null) ? detail : (r.note().isBlank() ? null : r.note()),
				r.citation(), r.source(), r.effectiveFrom(), r.effectiveTo());
	}

	/** The code is well-formed but names no country of the bundle (404). */
	public static final class UnknownCountryException extends RuntimeException {

		public UnknownCountryException(String code) {
			super("'" + code + "' is not a country of ISO 3166-1 (rules/reference/countries.csv)");
		}

	}

}
