package org.exportpathways.screening;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.exportpathways.bundle.DatedRecord;
import org.exportpathways.bundle.ReferenceData;
import org.exportpathways.domain.DatedValue;
import org.exportpathways.kernel.Facts;
import org.exportpathways.screening.ScreeningFacts.ChartCell;
import org.exportpathways.screening.ScreeningFacts.ChartFootnote;
import org.exportpathways.screening.ScreeningFacts.CountryGroup;
import org.exportpathways.screening.ScreeningFacts.Embargo;
import org.exportpathways.screening.ScreeningFacts.ExemptionAvailable;
import org.exportpathways.screening.ScreeningFacts.ItarListing;
import org.exportpathways.screening.ScreeningFacts.Transfer;

/**
 * The destination as of the date, as the ITAR and EAR rules see it: 126.1 listings (of
 * the destination and the end user's other nationalities), Country Groups, the Country
 * Chart row, embargoes and the ITAR exemptions available there. The country profile reads
 * the same tables.
 */
public final class Destination {

	/**
	 * The pseudo-group of destinations under UN Security Council sanctions (746.1(b);
	 * chart footnote 1).
	 */
	public static final String UN_SANCTIONED = "UN_SANCTIONED";

	/** The Country Chart's columns (738.2(d)(2)), in the chart's reading order. */
	static final String CHART_COLUMNS = "ear-chart-columns";

	private Destination() {
	}

	static void facts(Facts facts, Transfer t) {
		ReferenceData data = facts.data();
		LocalDate asOf = t.asOf();
		Set<String> listed = new LinkedHashSet<>();
		listed.add(t.destination());
		if (t.dualNationalities() != null) {
			listed.addAll(t.dualNationalities());
		}
		for (String c : listed) {
			for (DatedRecord r : data.memberships("itar-126-1", c, asOf)) {
				facts.insert(new ItarListing(c, r.get("table"), r.get("paragraph"), r.get("policy"),
						r.get("applies_to"), r.citation(), r.effectiveFrom(), r.effectiveTo(), r.note()));
			}
		}
		String d = t.destination();
		for (DatedRecord r : data.memberships("ear-country-groups", d, asOf)) {
			facts.insert(new CountryGroup(d, r.get("group"), r.citation(), r.effectiveFrom(), r.effectiveTo()));
		}
		for (DatedRecord r : data.memberships("ear-un-sanctioned", d, asOf)) {
			facts.insert(new CountryGroup(d, UN_SANCTIONED, r.citation(), r.effectiveFrom(), r.effectiveTo()));
		}
		// destinations an ECCN requirement names beside a Country Group (Macau, China,
		// Russia, Venezuela)
		for (DatedRecord r : data.memberships("ear-named-destinations", d, asOf)) {
			facts.insert(new CountryGroup(d, r.get("scope"), r.citation(), r.effectiveFrom(), r.effectiveTo()));
		}
		for (DatedRecord r : data.memberships("ear-country-chart", d, asOf)) {
			for (String col : chartColumns(data, asOf)) {
				if ("X".equals(r.get(col))) {
					facts.insert(new ChartCell(d, col, r.citation(), r.effectiveFrom(), r.effectiveTo()));
				}
			}
			for (String n : r.get("footnotes").split(";")) {
				if (!n.isBlank()) {
					facts.insert(new ChartFootnote(d, n.strip(), r.citation(), r.effectiveFrom(), r.effectiveTo()));
				}
			}
		}
		for (DatedRecord r : data.memberships("ear-embargoes", d, asOf)) {
			facts.insert(new Embargo(d, r.get("section"), r.get("scope"), r.citation(), r.effectiveFrom()));
		}
		exemptionsAvailable(data, d, asOf).forEach(facts::insert);
		// when the 600-series .a-.x exception last widened beyond Canada (wording of the
		// NLR finding)
		data.rows("ear-named-destinations")
			.stream()
			.filter((r) -> "600_SERIES_A_X_EXCEPTED".equals(r.get("scope")) && r.effectiveFrom() != null)
			.max(Comparator.comparing(DatedRecord::effectiveFrom))
			.ifPresent((r) -> facts.insert(new DatedValue("600-series-a-x-excepted-since", "ear-named-destinations",
					null, r.citation(), r.effectiveFrom())));
	}

	/** The Country Chart's columns in force on the date, in the chart's reading order. */
	public static List<String> chartColumns(ReferenceData data, LocalDate asOf) {
		return data.inForce(CHART_COLUMNS, asOf).stream().map((r) -> r.get("column")).toList();
	}

	/**
	 * The ITAR exemptions in force on the date that are available for the destination.
	 */
	public static List<ExemptionAvailable> exemptionsAvailable(ReferenceData data, String destination, LocalDate asOf) {
		List<ExemptionAvailable> out = new ArrayList<>();
		List<DatedRecord> destinations = data.rows("itar-exemption-destinations");
		for (DatedRecord e : data.inForce("itar-exemptions", asOf)) {
			String code = e.get("exemption");
			List<DatedRecord> rows = destinations.stream().filter((r) -> r.get("exemption").equals(code)).toList();
			boolean available = rows.isEmpty()
					|| rows.stream().anyMatch((r) -> r.country().equals(destination) && r.inForce(asOf));
			if (available) {
				out.add(new ExemptionAvailable(code, e.get("conditions"), e.citation(), e.effectiveFrom()));
			}
		}
		return out;
	}

}
