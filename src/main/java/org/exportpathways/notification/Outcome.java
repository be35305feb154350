package org.exportpathways.notification;

/**
 * Whether congressional notification is required. UNDETERMINED names what is missing; it
 * is never a guess.
 */
public enum Outcome {

	REQUIRED, NOT_REQUIRED, UNDETERMINED

}
