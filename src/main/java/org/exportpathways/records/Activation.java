package org.exportpathways.records;

import java.time.Instant;

/** One audited bundle activation or rollback. */
public record Activation(String action, String fromVersion, String toVersion, String actor, Instant at, String impact) {
}
