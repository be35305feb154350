package org.exportpathways.notification;

import java.time.LocalDate;

/**
 * A country's membership of a dated list (NATO, the AECA NATO+5 group, ...) in force on
 * the evaluation date, with the citation and source of the reference row.
 * {@code effectiveTo} is exclusive, null when open-ended.
 */
public record Membership(String country, MembershipList list, LocalDate effectiveFrom, LocalDate effectiveTo,
		String citation, String source) {

	/**
	 * The rules name the lists by these constants, e.g. {@code list == Membership.NATO}.
	 */
	public static final MembershipList NATO = MembershipList.NATO;

	public static final MembershipList AECA_NATO_PLUS_5 = MembershipList.AECA_NATO_PLUS_5;

	public static final MembershipList AECA_MIDDLE_EAST = MembershipList.AECA_MIDDLE_EAST;

}
