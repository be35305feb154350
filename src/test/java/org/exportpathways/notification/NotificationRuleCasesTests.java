package org.exportpathways.notification;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.exportpathways.RuleCases;
import org.exportpathways.TestBundle;
import org.exportpathways.api.model.NotificationRequestDto;
import org.exportpathways.domain.Finding;
import org.exportpathways.domain.NotificationFacts.ThresholdTest;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Runs the policy analysts' cases in rules/congressional-notification/cases/*.yaml: each case gives a request (the
 * API's field names) and expects an outcome, its explanation and which rules fired. Unknown keys fail the case.
 */
class NotificationRuleCasesTests {

	static final Set<String> EXPECT_KEYS = Set.of("outcome", "section", "reviewPeriodDays", "reviewWaived",
			"recipientGroup", "thresholdTier", "triggeredBy", "missing", "fired", "notFired", "thresholds",
			"messages", "error");

	@TestFactory
	Stream<DynamicNode> cases() throws IOException {
		return RuleCases.load("congressional-notification", NotificationRuleCasesTests::run);
	}

	@SuppressWarnings("unchecked")
	static void run(Map<String, Object> given, Map<String, Object> expect) {
		assertThat(expect.keySet()).as("expect keys").isSubsetOf(EXPECT_KEYS);
		NotificationRequestDto request = RuleCases.JSON.convertValue(given, NotificationRequestDto.class);
		NotificationService service = TestBundle.NOTIFICATIONS;
		if (RuleCases.expectedError(expect, () -> service.evaluate(TestBundle.MAPPER.sale(request),
					TestBundle.MAPPER.scenario(request.getScenario())))) {
			return;
		}
		NotificationResult r = service.evaluate(TestBundle.MAPPER.sale(request),
				TestBundle.MAPPER.scenario(request.getScenario()));
		List<String> fired = r.findings().stream().map(Finding::ruleId).toList();
		String why = "findings:\n  " + String.join("\n  ",
				r.findings().stream().map((f) -> f.ruleId() + " " + f.message()).toList());
		RuleCases.check(expect, "outcome", r.outcome().name(), why);
		RuleCases.check(expect, "section", r.section(), why);
		RuleCases.check(expect, "reviewPeriodDays", r.reviewPeriodDays(), why);
		RuleCases.check(expect, "reviewWaived", r.reviewWaived(), why);
		RuleCases.check(expect, "recipientGroup", r.recipientGroup().name(), why);
		RuleCases.check(expect, "thresholdTier", (r.thresholdTier() != null) ? r.thresholdTier().name()
				: (r.thresholds().isEmpty() ? null : "UNDETERMINED"), why);
		RuleCases.exactly(expect, "triggeredBy", r.triggeredBy().stream().map(NotificationRuleCasesTests::name).toList(), why);
		RuleCases.exactly(expect, "missing", r.missing(), why);
		RuleCases.explanations(expect, fired, r.findings().stream().map(Finding::message).toList(), why);
		if (expect.containsKey("thresholds")) {
			Map<String, Object> thresholds = (Map<String, Object>) expect.get("thresholds");
			thresholds.forEach((key, amount) -> {
				BigDecimal actual = r.thresholds().stream()
					.filter((t) -> (t.tier() + "/" + t.kind()).equals(key))
					.map((t) -> t.amount())
					.findFirst()
					.orElseGet(() -> fail("no threshold " + key + " in " + r.thresholds()));
				assertThat(actual).as("threshold " + key).isEqualByComparingTo(new BigDecimal(String.valueOf(amount)));
			});
		}
	}

	static String name(ThresholdTest t) {
		return t.tier() + "/" + t.kind();
	}

}
