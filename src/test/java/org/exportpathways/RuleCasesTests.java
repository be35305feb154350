package org.exportpathways;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import org.exportpathways.web.CaseRunner;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every analyst case of the bundle (rules/**&#47;cases/**&#47;*.yaml) with the
 * service's own {@link CaseRunner} (the one that checks a candidate bundle before it is
 * accepted): each case file declares its {@code kind} (evaluation, screening,
 * qualification), each case gives a request (the API's field names) and expects, in one
 * schema, what the result shows and which rules fired (see rules/README.md). Also checks
 * that every rule of the bundle is fired by at least one case.
 */
class RuleCasesTests {

	/**
	 * Rule cases without an asOf are evaluated as of this fixed day, so they never change
	 * with the calendar.
	 */
	static final CaseRunner RUNNER = new CaseRunner(TestBundle.SNAPSHOT,
			Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC));

	@TestFactory
	Stream<DynamicNode> cases() {
		assertThat(RUNNER.caseFiles()).as("case files in " + TestBundle.RULES).isNotEmpty();
		return RUNNER.caseFiles()
			.stream()
			.map((f) -> DynamicContainer.dynamicContainer(f.path(),
					RUNNER.load(f)
						.stream()
						.map((c) -> DynamicTest.dynamicTest(c.name(),
								() -> assertThat(RUNNER.check(c)).as(c.where() + " " + c.name()).isNull()))));
	}

	@Test
	void everyRuleIsFiredByAtLeastOneCase() {
		List<CaseRunner.Case> all = RUNNER.cases();
		assertThat(RUNNER.rulesNotFired(all)).as("rules no case fires").isEmpty();
	}

	@Test
	void theWholeBundlePassesAsTheServiceChecksACandidate() {
		assertThat(RUNNER.runAll()).isEmpty();
	}

}
