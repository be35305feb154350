package org.exportpathways.domain;

/**
 * The exporting country itself, as rules and request checks name it. A named constant
 * rather than a dated row: the United States does not change with the law. Only the ISO
 * 3166-1 code {@code US} counts; whether outlying areas (for example PR or GU, which have
 * their own codes) count as the United States for a given regulation is not modelled
 * (they are treated as other countries, as before).
 */
public final class UnitedStates {

	/** ISO 3166-1 alpha-2 code of the United States. */
	public static final String ISO2 = "US";

	private UnitedStates() {
	}

}
