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
import org.exportpathways.screening.CountryProfileService;
import org.exportpathways.screening.ScreeningRegime;
import org.exportpathways.qualification.QualificationRegime;
import org.exportpathways.rollout.ActiveBundle;
import org.exportpathways.rollout.Snapshot;
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

	/**
	 * The bundle loaded at start-up, compiled once; the beans below are its parts (the
	 * bundle that decides a request is {@link ActiveBundle#current()}).
	 */
	@Bean
	Snapshot initialSnapshot(RuleBundle bundle, DecisionExecutor executor) {
		Snapshot snapshot = Snapshot.load(bundle, executor);
		snapshot.engine().warnings().forEach((w) -> log.warn("Rule bundle warning: {}", w));
		log.info("Compiled {} rules", snapshot.engine().rules().size());
		return snapshot;
	}

	@Bean
	ActiveBundle activeBundle(Snapshot initialSnapshot) {
		return new ActiveBundle(initialSnapshot);
	}

	@Bean
	ReferenceData referenceData(Snapshot initialSnapshot) {
		return initialSnapshot.data();
	}

	@Bean
	RuleEngine ruleEngine(Snapshot initialSnapshot) {
		return initialSnapshot.engine();
	}

	@Bean
	RulesetVersion rulesetVersion(Snapshot initialSnapshot) {
		return initialSnapshot.version();
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
	Kernel kernel(Snapshot initialSnapshot) {
		return initialSnapshot.kernel();
	}

	@Bean
	NotificationRegime notificationRegime(Snapshot initialSnapshot) {
		return initialSnapshot.notifications();
	}

	/**
	 * The application's bounded pool for batch decisions
	 * ({@code exportpathways.decision-threads}, default one per core but one;
	 * {@code exportpathways.decision-queue} tasks waiting at most).
	 */
	@Bean(destroyMethod = "close")
	DecisionExecutor decisionExecutor(@Value("${exportpathways.decision-threads:0}") int threads,
			@Value("${exportpathways.decision-queue:1024}") int queue) {
		// one core is left to single decisions (answered on the request threads), so a
		// simulation cannot starve them (README, "Limits")
		int n = (threads > 0) ? threads : Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
		return new DecisionExecutor(n, queue);
	}

	@Bean
	SimulationService simulationService(Snapshot initialSnapshot) {
		return initialSnapshot.simulations();
	}

	@Bean
	ScreeningRegime screeningRegime(Snapshot initialSnapshot) {
		return initialSnapshot.screening();
	}

	@Bean
	CountryProfileService countryProfileService(Snapshot initialSnapshot) {
		return initialSnapshot.profiles();
	}

	@Bean
	QualificationRegime qualificationRegime(Snapshot initialSnapshot) {
		return initialSnapshot.sources();
	}

	/**
	 * Jurisdiction determination (pack jurisdiction): USML or CCL from facts about one
	 * item.
	 */
	@Bean
	JurisdictionRegime jurisdictionRegime(Snapshot initialSnapshot) {
		return initialSnapshot.jurisdictions();
	}

	/** The active bundle: its version and origin, its engine's counters. */
	@Bean
	HealthIndicator ruleBundleHealthIndicator(ActiveBundle bundles) {
		return () -> {
			Snapshot s = bundles.active();
			return Health.up()
				.withDetails(Map.of("rulesetVersion", s.versionValue(), "origin", s.bundle().origin(), "rules",
						s.engine().rules().size(), "decisions", s.engine().decisions(), "discardedSessions",
						s.engine().discardedSessions()))
				.build();
		};
	}

}
