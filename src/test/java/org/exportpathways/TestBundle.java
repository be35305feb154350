package org.exportpathways;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.exportpathways.bundle.RuleBundle;
import org.exportpathways.bundle.RuleBundleLoader;
import org.exportpathways.bundle.RulesetVersion;
import org.exportpathways.rollout.Snapshot;
import org.exportpathways.screening.CountryProfileService;
import org.exportpathways.kernel.RuleEngine;
import org.exportpathways.kernel.Kernel;
import org.exportpathways.jurisdiction.JurisdictionRegime;
import org.exportpathways.notification.NotificationRegime;
import org.exportpathways.bundle.ReferenceData;
import org.exportpathways.bundle.ReferenceDataLoader;
import org.exportpathways.screening.ScreeningRegime;
import org.exportpathways.web.Summaries;
import org.exportpathways.qualification.QualificationRegime;
import org.exportpathways.web.NotificationMapper;

/** The rules/ folder of this checkout, compiled once for the plain (non-Spring) tests. */
public final class TestBundle {

	public static final Path RULES = Path.of("rules");

	public static final RuleBundle BUNDLE = RuleBundleLoader.fromDirectory(RULES);

	public static final RuleEngine ENGINE = new RuleEngine(BUNDLE);

	public static final ReferenceData DATA = ReferenceDataLoader.load(BUNDLE);

	public static final Kernel KERNEL = new Kernel(ENGINE, DATA);

	public static final NotificationRegime NOTIFICATIONS = new NotificationRegime(DATA);

	public static final JurisdictionRegime JURISDICTIONS = new JurisdictionRegime(DATA);

	public static final ScreeningRegime SCREENING = new ScreeningRegime(DATA, NOTIFICATIONS, JURISDICTIONS);

	public static final QualificationRegime SOURCES = new QualificationRegime(DATA, ENGINE);

	/** The same parts as one snapshot (no simulation service: no pool in plain tests). */
	public static final Snapshot SNAPSHOT = new Snapshot(BUNDLE,
			new RulesetVersion(DATA.bundleVersion(), BUNDLE.contentHash()), ENGINE, DATA, KERNEL, NOTIFICATIONS, null,
			SCREENING, new CountryProfileService(KERNEL, SCREENING), SOURCES, JURISDICTIONS);

	/**
	 * Rule cases without an asOf are evaluated as of this fixed day, so they never change
	 * with the calendar.
	 */
	public static final NotificationMapper MAPPER = new NotificationMapper(
			Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC), new Summaries(DATA));

	private TestBundle() {
	}

}
