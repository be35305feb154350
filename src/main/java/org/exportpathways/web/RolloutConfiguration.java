package org.exportpathways.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.exportpathways.kernel.DecisionExecutor;
import org.exportpathways.records.DecisionRepository;
import org.exportpathways.rollout.ActiveBundle;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Replays and bundle roll-outs over the controllers and the records. */
@Configuration(proxyBeanMethods = false)
public class RolloutConfiguration {

	@Bean
	DecisionOperations decisionOperations(ApplicationContext context, ActiveBundle bundles, JsonMapper json) {
		return new DecisionOperations(context, bundles, json);
	}

	/**
	 * A candidate's cases without an asOf are decided as of
	 * {@code exportpathways.bundle-cases-as-of} (the day the build's RuleCasesTests
	 * uses), so a candidate is checked as the build checks it.
	 */
	@Bean
	BundleRollout bundleRollout(ActiveBundle bundles, DecisionRepository repository, DecisionOperations operations,
			DecisionExecutor executor, Clock clock, @Value("${exportpathways.bundle-cases-as-of}") String casesAsOf) {
		Clock cases = Clock.fixed(LocalDate.parse(casesAsOf).atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
		return new BundleRollout(bundles, repository, operations, executor, clock, cases);
	}

}
