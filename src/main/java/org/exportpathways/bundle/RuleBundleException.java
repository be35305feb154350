package org.exportpathways.bundle;

/**
 * The policy bundle cannot be loaded: a DRL error, a malformed table or parameter. Stops
 * start-up.
 */
public class RuleBundleException extends RuntimeException {

	public RuleBundleException(String message) {
		super(message);
	}

	public RuleBundleException(String message, Throwable cause) {
		super(message, cause);
	}

}
