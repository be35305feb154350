package org.exportpathways.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The limits a request must keep ({@code exportpathways.limits.*}, README "Limits"). Each
 * is checked before the body is validated, and a request over one is refused with a 413
 * or 400 problem naming the setting.
 *
 * @param bodyBytes largest JSON body of a single decision, in bytes
 * @param simulationBodyBytes largest body (JSON or multipart upload) of a simulation
 * @param screeningItems most items in one screening
 * @param simulationSales most sales in one synchronous simulation (larger batches belong
 * to batch jobs)
 * @param simulationScenarios most scenarios in one synchronous simulation
 * @param jsonDepth deepest nesting of JSON objects and arrays
 * @param stringLength longest JSON string, in characters
 * @param numberLength longest JSON number, in characters
 * @param integerDigits most digits before the decimal point of a number
 * @param decimals most digits after the decimal point of a number
 * @param concurrentSimulations simulations running at once (0: half the cores, at least
 * one); the next ones wait their turn (at most {@code simulationQueue} of them, at most
 * {@code simulationWaitMillis} each), else are refused with 503
 * @param simulationWaitMillis how long a simulation waits for its turn
 * @param simulationQueue simulations waiting for a turn at most; one more is refused at
 * once
 * @param jobBodyBytes largest CSV upload of a batch job (a JSON job body keeps to
 * {@code simulationBodyBytes}: it is read whole)
 * @param jobSales most sales in one batch job
 */
@ConfigurationProperties("exportpathways.limits")
public record RequestLimits(@DefaultValue("262144") long bodyBytes, @DefaultValue("16777216") long simulationBodyBytes,
		@DefaultValue("1000") int screeningItems, @DefaultValue("20000") int simulationSales,
		@DefaultValue("20") int simulationScenarios, @DefaultValue("32") int jsonDepth,
		@DefaultValue("10000") int stringLength, @DefaultValue("32") int numberLength,
		@DefaultValue("15") int integerDigits, @DefaultValue("6") int decimals,
		@DefaultValue("0") int concurrentSimulations, @DefaultValue("30000") long simulationWaitMillis,
		@DefaultValue("32") int simulationQueue, @DefaultValue("1073741824") long jobBodyBytes,
		@DefaultValue("5000000") long jobSales) {

	/** The limits when nothing is configured. */
	public static RequestLimits defaults() {
		return new RequestLimits(262144, 16777216, 1000, 20000, 20, 32, 10000, 32, 15, 6, 0, 30000, 32, 1073741824L,
				5000000L);
	}

	/** Simulations allowed at once. */
	public int simulationPermits() {
		return (concurrentSimulations > 0) ? concurrentSimulations
				: Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
	}

}
