package org.exportpathways;

import org.exportpathways.bundle.BundleProperties;
import org.exportpathways.bundle.RuleBundle;
import org.exportpathways.bundle.RuleBundleLoader;
import org.exportpathways.bundle.RulesetVersion;
import org.exportpathways.kernel.DecisionExecutor;
import org.exportpathways.kernel.RuleEngine;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;

import org.exportpathways.kernel.Kernel;
import org.exportpathways.jurisdiction.JurisdictionRegime;
import org.exportpathways.notification.NotificationRegime;
import org.exportpathways.notification.SimulationService;
import org.exportpathways.bundle.ReferenceData;
import org.exportpathways.bundle.ReferenceDataLoader;
import org.exportpathways.screening.CountryProfileService;
import org.exportpathways.screening.ScreeningRegime;
import org.exportpathways.qualification.QualificationRegime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Loads the policy bundle at start-up (failing fast on any error) and wires the services
 * over it.
 */
@Configuration(proxyBeanMethods = false)
public class EngineConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EngineConfiguration.class);

	@Bean
	RuleBundle ruleBundle(BundleProperties props) {
		RuleBundle bundle = (props.rulesDir() == null || props.rulesDir().isBlank()) ? RuleBundleLoader.fromClasspath()
				: RuleBundleLoader.fromDirectory(Path.of(props.rulesDir()));
		log.info("Rule bundle loaded from {} ({} files)", bundle.origin(), bundle.files().size());
		return bundle;
	}

	@Bean
	ReferenceData referenceData(RuleBundle bundle) {
		return ReferenceDataLoader.load(bundle);
	}

	@Bean
	RuleEngine ruleEngine(RuleBundle bundle) {
		RuleEngine engine = new RuleEngine(bundle);
		engine.warnings().forEach((w) -> log.warn("Rule bundle warning: {}", w));
		log.info("Compiled {} rules", engine.rules().size());
		return engine;
	}

	@Bean
	RulesetVersion rulesetVersion(RuleBundle bundle, ReferenceData data) {
		return new RulesetVersion(data.bundleVersion(), bundle.contentHash());
	}

	@Bean
	Clock clock(BundleProperties props) {
		return Clock.system((props.zone() == null || props.zone().isBlank()) ? ZoneId.of("America/New_York")
				: ZoneId.of(props.zone()));
	}

	/**
	 * The one path every decision takes (checks, coverage, facts, fire, findings,
	 * result).
	 */
	@Bean
	Kernel kernel(RuleEngine engine, ReferenceData data) {
		return new Kernel(engine, data);
	}

	@Bean
	NotificationRegime notificationRegime(ReferenceData data) {
		return new NotificationRegime(data);
	}

	/**
	 * The application's bounded pool for batch decisions
	 * ({@code exportpathways.decision-threads}, default one per core;
	 * {@code exportpathways.decision-queue} tasks waiting at most).
	 */
	@Bean(destroyMethod = "close")
	DecisionExecutor decisionExecutor(@Value("${exportpathways.decision-threads:0}") int threads,
			@Value("${exportpathways.decision-queue:1024}") int queue) {
		int n = (threads > 0) ? threads : Runtime.getRuntime().availableProcessors();
		return new DecisionExecutor(n, queue);
	}

	@Bean
	SimulationService simulationService(Kernel kernel, NotificationRegime notifications, DecisionExecutor executor) {
		return new SimulationService(kernel, notifications, executor);
	}

	@Bean
	ScreeningRegime screeningRegime(ReferenceData data, NotificationRegime notifications,
			JurisdictionRegime jurisdictions) {
		return new ScreeningRegime(data, notifications, jurisdictions);
	}

	@Bean
	CountryProfileService countryProfileService(Kernel kernel, ScreeningRegime screening) {
		return new CountryProfileService(kernel, screening);
	}

	@Bean
	QualificationRegime qualificationRegime(ReferenceData data, RuleEngine engine) {
		return new QualificationRegime(data, engine);
	}

	/**
	 * Jurisdiction determination (pack jurisdiction): USML or CCL from facts about one
	 * item.
	 */
	@Bean
	JurisdictionRegime jurisdictionRegime(ReferenceData data) {
		return new JurisdictionRegime(data);
	}

	@Bean
	HealthIndicator ruleBundleHealthIndicator(RuleBundle bundle, RuleEngine engine, RulesetVersion version) {
		return () -> Health.up()
			.withDetails(
					Map.of("rulesetVersion", version.value(), "origin", bundle.origin(), "rules", engine.rules().size(),
							"decisions", engine.decisions(), "discardedSessions", engine.discardedSessions()))
			.build();
	}

}
