package org.exportpathways.domain;

import java.time.LocalDate;

/**
 * A country's membership of a dated list (NATO, the AECA NATO+5 group, ...) in force on the evaluation date,
 * with the citation and source of the reference row. {@code effectiveTo} is exclusive, null when open-ended.
 */
public record Membership(String country, String list, LocalDate effectiveFrom, LocalDate effectiveTo, String citation,
		String source) {

	public static final String NATO = "nato-members";

	public static final String AECA_NATO_PLUS_5 = "aeca-nato-plus-5";

	public static final String AECA_MIDDLE_EAST = "aeca-middle-east";

}
