package org.exportpathways.notification;

/** The AECA section 36 channel of a sale. */
public enum Channel {

	/** Letter of offer under 36(b)(1). */
	FMS("36(b)"),
	/** Export license under 36(c). */
	DCS("36(c)"),
	/** Agreement for the manufacture abroad of significant military equipment, 36(d). */
	MANUFACTURING_AGREEMENT("36(d)");

	private final String section;

	Channel(String section) {
		this.section = section;
	}

	public String section() {
		return section;
	}

}
