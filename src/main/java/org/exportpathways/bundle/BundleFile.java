package org.exportpathways.bundle;

import java.nio.charset.StandardCharsets;

/**
 * One file of the policy bundle, its path relative to the bundle root
 * ({@code /}-separated).
 */
public record BundleFile(String path, byte[] content) {

	public String text() {
		return new String(content, StandardCharsets.UTF_8);
	}

	public String displayPath() {
		return "rules/" + path;
	}

}
