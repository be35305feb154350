package org.exportpathways.bundle;

/**
 * The bundle's semver plus the hash of its deciding content, e.g.
 * {@code 1.0.0+sha256.3f2a9c1b7d4e}.
 */
public record RulesetVersion(String semver, String contentHash) {

	public String value() {
		return semver + "+sha256." + contentHash;
	}

}
