package org.exportpathways.notification;

/** The membership lists the notification rules read, each a dated reference table. */
public enum MembershipList {

	NATO("nato-members"), AECA_NATO_PLUS_5("aeca-nato-plus-5"), AECA_MIDDLE_EAST("aeca-middle-east");

	private final String table;

	MembershipList(String table) {
		this.table = table;
	}

	/** The name of the reference table that holds the list (e.g. nato-members). */
	public String table() {
		return table;
	}

}
