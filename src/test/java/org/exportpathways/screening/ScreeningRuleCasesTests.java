package org.exportpathways.screening;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.exportpathways.RuleCases;
import org.exportpathways.TestBundle;
import org.exportpathways.api.model.ScreeningRequestDto;
import org.exportpathways.domain.Finding;
import org.exportpathways.web.ScreeningMapper;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Runs the analysts' screening cases in rules/itar/cases/ and rules/ear/cases/: each gives a screening request (the
 * API's field names) and expects the rolled-up outcome, each item's decision and which rules fired.
 */
class ScreeningRuleCasesTests {

	static final Set<String> EXPECT_KEYS = Set.of("outcome", "items", "notification", "fired", "notFired", "error");

	static final Set<String> ITEM_KEYS = Set.of("outcome", "jurisdiction", "licenseType", "exemption",
			"licenseExceptions", "missing", "fired", "notFired", "messages");

	static final ScreeningMapper MAPPER = new ScreeningMapper(TestBundle.MAPPER);

	@TestFactory
	Stream<DynamicNode> itar() throws IOException {
		return RuleCases.load("itar", ScreeningRuleCasesTests::run);
	}

	@TestFactory
	Stream<DynamicNode> ear() throws IOException {
		return RuleCases.load("ear", ScreeningRuleCasesTests::run);
	}

	@SuppressWarnings("unchecked")
	static void run(Map<String, Object> given, Map<String, Object> expect) {
		assertThat(expect.keySet()).as("expect keys").isSubsetOf(EXPECT_KEYS);
		ScreeningRequest request = MAPPER.request(RuleCases.JSON.convertValue(given, ScreeningRequestDto.class));
		if (RuleCases.expectedError(expect, () -> TestBundle.SCREENING.screen(request))) {
			return;
		}
		ScreeningResult r = TestBundle.SCREENING.screen(request);
		List<String> allFired = Stream.concat(r.findings().stream(),
				r.items().stream().flatMap((i) -> i.findings().stream())).map(Finding::ruleId).toList();
		String why = "findings:\n  " + String.join("\n  ", Stream.concat(r.findings().stream(),
				r.items().stream().flatMap((i) -> i.findings().stream())).map((f) -> f.ruleId() + " " + f.message()).toList());
		if (expect.containsKey("outcome")) {
			assertThat(r.outcome().name()).as("outcome; " + why).isEqualTo(expect.get("outcome"));
		}
		if (expect.containsKey("notification")) {
			Object n = expect.get("notification");
			assertThat((r.notification() != null) ? r.notification().outcome().name() : null).as("notification")
				.isEqualTo(n);
		}
		RuleCases.explanations(expect, allFired, List.of(), why);
		if (expect.containsKey("items")) {
			((Map<String, Map<String, Object>>) expect.get("items")).forEach((id, e) -> {
				assertThat(e.keySet()).as("item expect keys").isSubsetOf(ITEM_KEYS);
				ScreeningResult.ItemResult item = r.items().stream().filter((i) -> i.id().equals(id)).findFirst()
					.orElseGet(() -> fail("no item " + id));
				List<String> fired = item.findings().stream().map(Finding::ruleId).toList();
				String itemWhy = "item " + id + "; " + why;
				RuleCases.check(e, "outcome", item.outcome().name(), itemWhy);
				RuleCases.check(e, "jurisdiction", item.jurisdiction(), itemWhy);
				RuleCases.check(e, "licenseType", item.licenseType(), itemWhy);
				RuleCases.check(e, "exemption", item.exemption(), itemWhy);
				RuleCases.exactly(e, "licenseExceptions",
						item.licenseExceptions().stream().map((c) -> c.code()).distinct().toList(), itemWhy);
				RuleCases.exactly(e, "missing", item.missing(), itemWhy);
				RuleCases.explanations(e, fired, item.findings().stream().map(Finding::message).toList(), itemWhy);
			});
		}
	}

}
