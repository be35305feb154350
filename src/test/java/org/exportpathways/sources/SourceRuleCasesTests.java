package org.exportpathways.sources;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.exportpathways.RuleCases;
import org.exportpathways.TestBundle;
import org.exportpathways.api.model.QualificationRequestDto;
import org.exportpathways.domain.Finding;
import org.exportpathways.web.SourceMapper;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the analysts' source-qualification cases in rules/procurement/cases/ and rules/dpa/cases/: each gives a
 * request (the API's field names) and expects each part's status, what is missing and which rules fired.
 */
class SourceRuleCasesTests {

	static final Set<String> EXPECT_KEYS = Set.of("qualifyingCountry", "buyAmerican", "berry", "specialtyMetals", "dpa",
			"enablers", "fired", "notFired", "messages", "error");

	static final SourceMapper MAPPER = new SourceMapper(TestBundle.MAPPER);

	@TestFactory
	Stream<DynamicNode> procurement() throws IOException {
		return RuleCases.load("procurement", SourceRuleCasesTests::run);
	}

	@TestFactory
	Stream<DynamicNode> dpa() throws IOException {
		return RuleCases.load("dpa", SourceRuleCasesTests::run);
	}

	@SuppressWarnings("unchecked")
	static void run(Map<String, Object> given, Map<String, Object> expect) {
		assertThat(expect.keySet()).as("expect keys").isSubsetOf(EXPECT_KEYS);
		QualificationRequest request = MAPPER.request(RuleCases.JSON.convertValue(given, QualificationRequestDto.class));
		if (RuleCases.expectedError(expect, () -> TestBundle.SOURCES.qualify(request))) {
			return;
		}
		QualificationResult r = TestBundle.SOURCES.qualify(request);
		List<String> fired = r.findings().stream().map(Finding::ruleId).toList();
		String why = "findings:\n  " + String.join("\n  ", r.findings().stream().map((f) -> f.ruleId() + " " + f.message()).toList());
		if (expect.containsKey("qualifyingCountry")) {
			assertThat(r.qualifyingCountry().value()).as("qualifyingCountry; " + why).isEqualTo(expect.get("qualifyingCountry"));
		}
		if (expect.containsKey("buyAmerican")) {
			Map<String, Object> e = (Map<String, Object>) expect.get("buyAmerican");
			assertThat(e.keySet()).isSubsetOf(Set.of("status", "threshold", "exceptions", "missing"));
			part(e, r.buyAmerican().status(), r.buyAmerican().missing(), "buyAmerican; " + why);
			if (e.containsKey("threshold")) {
				Object t = e.get("threshold");
				if (t == null) {
					assertThat(r.buyAmerican().threshold()).as("threshold; " + why).isNull();
				}
				else {
					assertThat(r.buyAmerican().threshold()).as("threshold; " + why)
						.isEqualByComparingTo(new BigDecimal(String.valueOf(t)));
				}
			}
			RuleCases.exactly(e, "exceptions", r.buyAmerican().exceptions().stream().map((x) -> x.code()).toList(), why);
		}
		for (String key : List.of("berry", "specialtyMetals")) {
			if (expect.containsKey(key)) {
				Map<String, Object> e = (Map<String, Object>) expect.get(key);
				QualificationResult.Part p = key.equals("berry") ? r.berry() : r.specialtyMetals();
				part(e, p.status(), p.missing(), key + "; " + why);
			}
		}
		if (expect.containsKey("dpa")) {
			Map<String, Object> e = (Map<String, Object>) expect.get("dpa");
			assertThat(e.keySet()).isSubsetOf(Set.of("status", "missing", "conditionsMention"));
			part(e, r.dpa().status(), r.dpa().missing(), "dpa; " + why);
			if (e.containsKey("conditionsMention")) {
				assertThat(String.join(" | ", r.dpa().conditions())).as("dpa conditions")
					.contains((String) e.get("conditionsMention"));
			}
		}
		RuleCases.exactly(expect, "enablers", r.enablers().stream().map((x) -> x.name()).toList(), why);
		RuleCases.explanations(expect, fired, r.findings().stream().map(Finding::message).toList(), why);
	}

	private static void part(Map<String, Object> e, String status, List<String> missing, String why) {
		RuleCases.check(e, "status", status, why);
		RuleCases.exactly(e, "missing", missing, why);
	}

}
