package org.exportpathways.screening;

import java.time.LocalDate;
import java.util.List;

/** A destination's dated profile: each fact with its citation and period. */
public record CountryProfile(String code, String name, LocalDate asOf, String itar1261Status, Fact itar1261,
		List<Fact> countryGroups, List<Fact> chartColumns, List<Fact> embargoes, List<Fact> itarExemptions,
		List<Fact> memberships) {

	/** One dated, cited fact. */
	public record Fact(String name, String detail, String citation, String source, LocalDate effectiveFrom,
			LocalDate effectiveTo) {
	}

}
