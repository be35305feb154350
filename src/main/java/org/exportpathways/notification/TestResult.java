package org.exportpathways.notification;

/**
 * Result of one threshold test: met, not met, or unknown because a value it needs is
 * absent.
 */
public enum TestResult {

	MET, NOT_MET, UNKNOWN

}
