package org.exportpathways.web;

import java.util.function.Function;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * {@code exportpathways.decisions}: a timer (with a latency histogram) per regime and
 * outcome, exported at {@code /actuator/prometheus} as
 * {@code exportpathways_decisions_seconds_*}.
 */
@Component
class DecisionMetrics {

	private final MeterRegistry registry;

	DecisionMetrics(ObjectProvider<MeterRegistry> registry) {
		this.registry = registry.getIfAvailable();
	}

	<T> T timed(String regime, Supplier<T> decision, Function<T, Object> outcome) {
		long start = System.nanoTime();
		String result = "ERROR";
		try {
			T value = decision.get();
			result = String.valueOf(outcome.apply(value));
			return value;
		}
		finally {
			if (this.registry != null) {
				Timer.builder("exportpathways.decisions")
					.description("Decisions per regime and outcome")
					.tag("regime", regime)
					.tag("outcome", result)
					.publishPercentileHistogram()
					.register(this.registry)
					.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
			}
		}
	}

}
