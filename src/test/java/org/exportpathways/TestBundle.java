package org.exportpathways;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.exportpathways.bundle.RuleBundle;
import org.exportpathways.bundle.RuleBundleLoader;
import org.exportpathways.kernel.RuleEngine;
import org.exportpathways.notification.NotificationService;
import org.exportpathways.bundle.ReferenceData;
import org.exportpathways.bundle.ReferenceDataLoader;
import org.exportpathways.screening.ScreeningService;
import org.exportpathways.qualification.SourceQualificationService;
import org.exportpathways.web.NotificationMapper;

/** The rules/ folder of this checkout, compiled once for the plain (non-Spring) tests. */
public final class TestBundle {

	public static final Path RULES = Path.of("rules");

	public static final RuleBundle BUNDLE = RuleBundleLoader.fromDirectory(RULES);

	public static final RuleEngine ENGINE = new RuleEngine(BUNDLE);

	public static final ReferenceData DATA = ReferenceDataLoader.load(BUNDLE);

	public static final NotificationService NOTIFICATIONS = new NotificationService(ENGINE, DATA);

	public static final ScreeningService SCREENING = new ScreeningService(ENGINE, DATA, NOTIFICATIONS);

	public static final SourceQualificationService SOURCES = new SourceQualificationService(ENGINE, DATA);

	/** Rule cases without an asOf are evaluated as of this fixed day, so they never change with the calendar. */
	public static final NotificationMapper MAPPER = new NotificationMapper(
			Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC));

	private TestBundle() {
	}

}
