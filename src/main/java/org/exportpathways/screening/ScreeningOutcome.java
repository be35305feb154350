package org.exportpathways.screening;

/**
 * Outcome of a screening, strongest first: the roll-up over items takes the first that
 * any item has.
 */
public enum ScreeningOutcome {

	PROHIBITED, LICENSE_REQUIRED, UNDETERMINED, EXEMPT, NO_LICENSE_REQUIRED

}
