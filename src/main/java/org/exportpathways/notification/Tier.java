package org.exportpathways.notification;

/**
 * Which set of dollar thresholds applies: standard, or the higher NATO+5 amounts of
 * 2776(b)(6) and (c)(5).
 */
public enum Tier {

	STANDARD, NATO_PLUS_5;

	/** Human name of a tier for messages (a DRL function). */
	public static String tierName(Tier tier) {
		return (tier == NATO_PLUS_5) ? "NATO+5" : "standard";
	}

}
