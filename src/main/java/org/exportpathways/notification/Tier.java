package org.exportpathways.notification;

/** Which set of dollar thresholds applies: standard, or the higher NATO+5 amounts of 2776(b)(6) and (c)(5). */
public enum Tier {
	STANDARD, NATO_PLUS_5
}
