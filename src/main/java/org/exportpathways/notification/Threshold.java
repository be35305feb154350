package org.exportpathways.notification;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A dollar threshold in force for a channel and tier, as applied under the request's
 * scenario ({@code amount}), beside the statutory amount it derives from. "$X or more"
 * means at or above {@code amount}.
 */
public record Threshold(Channel channel, Tier tier, ThresholdKind kind, BigDecimal amount, BigDecimal statutoryAmount,
		String citation, LocalDate effectiveFrom, String parameter, String basis) {
}
