package org.exportpathways.records;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Decision recording ({@code exportpathways.records.*}).
 *
 * @param enabled record every decision before acknowledging it (default true)
 * @param retentionDays delete records older than this many days; 0 keeps them (ITAR 122.5
 * and EAR 762.6 ask for five years)
 * @param retentionCheck how often the retention runs (a duration, default 1h)
 * @param secureReads whether reading and replaying records needs credentials
 */
@ConfigurationProperties("exportpathways.records")
public record RecordsProperties(Boolean enabled, Integer retentionDays, java.time.Duration retentionCheck,
		Boolean secureReads) {

	public boolean on() {
		return enabled == null || enabled;
	}

	public int days() {
		return (retentionDays != null) ? retentionDays : 0;
	}

	public boolean secured() {
		return secureReads != null && secureReads;
	}

}
