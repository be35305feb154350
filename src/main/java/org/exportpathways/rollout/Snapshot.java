package org.exportpathways.rollout;

import org.exportpathways.bundle.ReferenceData;
import org.exportpathways.bundle.ReferenceDataLoader;
import org.exportpathways.bundle.RuleBundle;
import org.exportpathways.bundle.RulesetVersion;
import org.exportpathways.kernel.DecisionExecutor;
import org.exportpathways.kernel.Kernel;
import org.exportpathways.kernel.RuleEngine;
import org.exportpathways.notification.NotificationRegime;
import org.exportpathways.notification.SimulationService;
import org.exportpathways.jurisdiction.JurisdictionRegime;
import org.exportpathways.qualification.QualificationRegime;
import org.exportpathways.screening.CountryProfileService;
import org.exportpathways.screening.ScreeningRegime;

/**
 * One rule bundle, fully loaded: compiled rules, reference data, the kernel and every
 * regime over them, and the version that names them. Immutable once built: a request
 * takes one snapshot and decides on it from start to end, so a swap never shows it a
 * half-loaded bundle.
 */
public record Snapshot(RuleBundle bundle, RulesetVersion version, RuleEngine engine, ReferenceData data, Kernel kernel,
		NotificationRegime notifications, SimulationService simulations, ScreeningRegime screening,
		CountryProfileService profiles, QualificationRegime sources, JurisdictionRegime jurisdictions) {

	/**
	 * Compiles the bundle and loads its tables (a {@code RuleBundleException} names the
	 * file and line at fault), then builds the regimes over them.
	 */
	public static Snapshot load(RuleBundle bundle, DecisionExecutor executor) {
		ReferenceData data = ReferenceDataLoader.load(bundle);
		RuleEngine engine = new RuleEngine(bundle);
		Kernel kernel = new Kernel(engine, data);
		NotificationRegime notifications = new NotificationRegime(data);
		JurisdictionRegime jurisdictions = new JurisdictionRegime(data);
		ScreeningRegime screening = new ScreeningRegime(data, notifications, jurisdictions);
		return new Snapshot(bundle, new RulesetVersion(data.bundleVersion(), bundle.contentHash()), engine, data,
				kernel, notifications, new SimulationService(kernel, notifications, executor), screening,
				new CountryProfileService(kernel, screening), new QualificationRegime(data, engine), jurisdictions);
	}

	/** The version string every answer carries. */
	public String versionValue() {
		return version.value();
	}

}
