package org.exportpathways.bundle;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the policy bundle comes from and which time zone sets "today".
 *
 * @param rulesDir an external {@code rules/} folder; empty means the bundle packaged in
 * the jar
 * @param zone the time zone of the business date used when a request gives no
 * {@code asOf}
 */
@ConfigurationProperties("exportpathways")
public record BundleProperties(String rulesDir, String zone) {
}
