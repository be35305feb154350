package org.exportpathways;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.exportpathways.api.model.JurisdictionRequestDto;
import org.exportpathways.api.model.NotificationRequestDto;
import org.exportpathways.api.model.QualificationRequestDto;
import org.exportpathways.api.model.ScreeningRequestDto;
import org.exportpathways.bundle.BundleFile;
import org.exportpathways.domain.InvalidInputException;
import org.exportpathways.notification.NotificationRequest;
import org.exportpathways.qualification.QualificationRequest;
import org.exportpathways.screening.CountryProfileService;
import org.exportpathways.screening.ScreeningRequest;
import org.exportpathways.web.CaseRunner;
import org.exportpathways.web.JurisdictionMapper;
import org.exportpathways.web.ScreeningMapper;
import org.exportpathways.web.SourceMapper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Answers an analyst can file, over every sample answer and every rule case's answer (the
 * full response, as the API returns it): every response and every nested notification
 * opens with a non-empty summary that names its outcome in plain words; no finding
 * message shows a request field token ({@code [totalValue]}, {@code newSalesTerritory})
 * or an enum name ({@code NATO_PLUS_5}, {@code REQUIRED}); no findings list holds the
 * same rule and message twice; a prohibited item carries a finding that is not INFO, and
 * a prohibited screening no notification block. Over the bundle: every rule that
 * concludes a prohibition or an embargo declares a severity.
 */
class AnswersAnalystCanFileTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	/** {@code [totalValue]}, {@code [AT1, NS1]}: a Java list or a field in brackets. */
	static final Pattern BRACKETED = Pattern.compile("\\[[A-Za-z0-9_.,\\s]*\\]");

	/**
	 * {@code newSalesTerritory}, {@code endUser.securityForces}: a request field name.
	 */
	static final Pattern CAMEL_CASE = Pattern.compile("\\b[a-z]+[A-Z][A-Za-z]*\\b");

	/** {@code NATO_PLUS_5}, {@code DSP_5}: a constant name. */
	static final Pattern CONSTANT = Pattern.compile("\\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\\b");

	/**
	 * Outcome and status constants of the contract that read as plain words when they are
	 * meant (acronyms such as NLR, FMS or ITAR are law, not enum leaks).
	 */
	static final Set<String> ENUM_WORDS = Set.of("REQUIRED", "UNDETERMINED", "PROHIBITED", "EXEMPT", "STANDARD",
			"OTHER", "COMPONENT", "DOMESTIC", "FOREIGN", "QUALIFYING", "UNKNOWN", "APPLIES", "COMPLIANT", "DENIAL",
			"SUSPENDED", "ENTIRE", "CONDITIONAL", "WORLDWIDE", "STATUTORY", "CUSTOM", "MET", "CIVILIAN", "FIREARMS");

	static final Pattern UPPER_WORD = Pattern.compile("\\b[A-Z]{3,}\\b");

	// ---- every sample answer ---------------------------------------------------------

	@TestFactory
	Stream<DynamicTest> everySampleAnswer() throws IOException {
		try (Stream<Path> s = Files.walk(Path.of("samples"))) {
			List<Path> files = s.filter((p) -> p.toString().endsWith(".expected.json")).sorted().toList();
			assertThat(files).isNotEmpty();
			return files.stream().map((f) -> DynamicTest.dynamicTest(f.toString(), () -> {
				JsonNode answer = JSON.readTree(f.toFile());
				if (answer.has("status") && answer.has("title")) {
					return; // a problem (an error answer), not a decision
				}
				assertThat(problems(answer)).as(f.toString()).isEmpty();
			}));
		}
	}

	static final JsonMapper CASES_JSON = JsonMapper.builder()
		.enable(tools.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	static final ScreeningMapper SCREENING_MAPPER = new ScreeningMapper(TestBundle.MAPPER);

	static final SourceMapper SOURCE_MAPPER = new SourceMapper(TestBundle.MAPPER);

	static final JurisdictionMapper JURISDICTION_MAPPER = new JurisdictionMapper(TestBundle.MAPPER);

	// ---- every rule case's answer ----------------------------------------------------

	@TestFactory
	Stream<DynamicTest> everyCaseAnswer() throws IOException {
		List<DynamicTest> tests = new ArrayList<>();
		for (BundleFile f : RuleCasesTests.RUNNER.caseFiles()) {
			for (CaseRunner.Case c : RuleCasesTests.RUNNER.load(f)) {
				if (c.expect().containsKey("error")) {
					continue;
				}
				tests.add(DynamicTest.dynamicTest(f.path() + ": " + c.name(), () -> {
					JsonNode answer = answer(c.kind(), c.given());
					assertThat(problems(answer)).as(answer.toPrettyString()).isEmpty();
				}));
			}
		}
		return tests.stream();
	}

	/** The case's request through the real service and mapper, as the API answers it. */
	static JsonNode answer(String kind, Map<String, Object> given) {
		try {
			Object dto = switch (kind) {
				case "evaluation" -> {
					NotificationRequestDto r = CASES_JSON.convertValue(given, NotificationRequestDto.class);
					yield TestBundle.MAPPER
						.decision(r.getChannel().getValue(), r.getRecipient(),
								TestBundle.KERNEL.decide(TestBundle.NOTIFICATIONS, new NotificationRequest(
										TestBundle.MAPPER.sale(r), TestBundle.MAPPER.scenario(r.getScenario()))),
								"test");
				}
				case "screening" -> {
					ScreeningRequest q = SCREENING_MAPPER
						.request(CASES_JSON.convertValue(given, ScreeningRequestDto.class));
					yield SCREENING_MAPPER.response(q, TestBundle.KERNEL.decide(TestBundle.SCREENING, q), "test");
				}
				case "qualification" -> {
					QualificationRequest q = SOURCE_MAPPER
						.request(CASES_JSON.convertValue(given, QualificationRequestDto.class));
					yield SOURCE_MAPPER.response(q, TestBundle.KERNEL.decide(TestBundle.SOURCES, q), "test");
				}
				case "jurisdiction" ->
					JurisdictionMapper.response(
							TestBundle.KERNEL.decide(TestBundle.JURISDICTIONS,
									JURISDICTION_MAPPER
										.request(CASES_JSON.convertValue(given, JurisdictionRequestDto.class))),
							"test");
				default -> throw new AssertionError("unknown case kind " + kind);
			};
			return JSON.valueToTree(dto);
		}
		catch (InvalidInputException ex) {
			throw new AssertionError("the case's request was refused: " + ex.getMessage(), ex);
		}
	}

	// ---- country profiles ------------------------------------------------------------

	@Test
	void everyCountryProfileOpensWithItsSummary() {
		CountryProfileService profiles = new CountryProfileService(TestBundle.KERNEL, TestBundle.SCREENING);
		for (String code : List.of("RU", "DE", "CN", "CU", "AU", "GB", "CA", "IN", "VE")) {
			JsonNode answer = JSON
				.valueToTree(SCREENING_MAPPER.profile(profiles.profile(code, LocalDate.parse("2026-11-25")), "test"));
			assertThat(problems(answer)).as(code).isEmpty();
			assertThat(answer.get("summary").asString()).contains("(" + code + ")");
		}
	}

	// ---- the bundle: prohibitions are never INFO --------------------------------------

	static final Pattern RULE = Pattern.compile("(?ms)^rule\\s+\"([^\"]+)\"(.*?)^end\\b");

	@Test
	void everyRuleThatConcludesAProhibitionOrAnEmbargoDeclaresItsSeverity() {
		List<String> info = new ArrayList<>();
		int prohibitions = 0;
		for (BundleFile drl : TestBundle.BUNDLE.files("", ".drl")) {
			Matcher m = RULE.matcher(drl.text());
			while (m.find()) {
				String rule = m.group(2);
				String body = rule.substring(Math.max(0, rule.indexOf("\nthen")));
				boolean concludes = body.contains("new Prohibited(") || body.contains("\"EMBARGO\"")
						|| body.contains("new ProhibitionUnknown(");
				if (concludes && body.contains("findings.explain")) {
					prohibitions++;
					if (!rule.contains("@severity(\"WARNING\")")) {
						info.add(drl.displayPath() + ": " + m.group(1));
					}
				}
			}
		}
		assertThat(prohibitions).as("rules that conclude a prohibition or an embargo").isPositive();
		assertThat(info).as("prohibitions explained at severity INFO").isEmpty();
	}

	// ---- the checks ------------------------------------------------------------------

	/** Everything an analyst could not file in {@code answer}; empty when it is fine. */
	static List<String> problems(JsonNode answer) {
		List<String> p = new ArrayList<>();
		summary(answer, p);
		if (answer.has("notification") && answer.get("notification").isObject()) {
			summary(answer.get("notification"), p);
		}
		if ("PROHIBITED".equals(text(answer, "outcome")) && answer.has("items")) {
			if (answer.has("notification") && !answer.get("notification").isNull()) {
				p.add("a prohibited screening carries a notification block");
			}
			if (!answer.get("summary").asString().contains("not assessed")) {
				p.add("a prohibited screening's summary does not say notification is not assessed");
			}
			for (JsonNode item : answer.get("items")) {
				if ("PROHIBITED".equals(text(item, "outcome"))
						&& item.get("findings").valueStream().noneMatch((f) -> !"INFO".equals(text(f, "severity")))) {
					p.add("prohibited item " + text(item, "id") + " has only INFO findings");
				}
			}
		}
		findings(answer, p);
		return p;
	}

	static String text(JsonNode node, String field) {
		JsonNode v = node.get(field);
		return (v == null || v.isNull()) ? null : v.asString();
	}

	/** The summary exists, is one paragraph, and names the outcome (or each status). */
	static void summary(JsonNode answer, List<String> p) {
		String summary = text(answer, "summary");
		if (summary == null || summary.isBlank()) {
			p.add("no summary");
			return;
		}
		if (summary.contains("\n")) {
			p.add("summary is not one paragraph");
		}
		String s = summary.toLowerCase(Locale.ROOT);
		List<String> outcomes = new ArrayList<>();
		if (answer.has("outcome")) {
			outcomes.add(text(answer, "outcome"));
		}
		for (String part : List.of("buyAmerican", "berry", "specialtyMetals")) {
			if (answer.has(part)) {
				outcomes.add(text(answer.get(part), "status"));
			}
		}
		if (answer.has("itar126_1")) {
			outcomes.add(text(answer.get("itar126_1"), "status"));
		}
		if (answer.has("scenarios")) {
			answer.get("scenarios").forEach((run) -> outcomes.add(text(run, "name").toUpperCase(Locale.ROOT)));
		}
		for (String o : outcomes) {
			String words = o.toLowerCase(Locale.ROOT).replace('_', ' ');
			if (!s.contains(words)) {
				p.add("summary does not name the outcome '" + words + "': " + summary);
			}
		}
		checkText("summary", summary, p);
		BRACKETED.matcher(summary).results().forEach((r) -> p.add("summary: token " + r.group()));
	}

	/** Every findings array anywhere in the answer. */
	static void findings(JsonNode node, List<String> p) {
		if (node.isObject()) {
			for (Map.Entry<String, JsonNode> e : node.properties()) {
				if (e.getKey().equals("findings") && e.getValue().isArray()) {
					Set<String> seen = new HashSet<>();
					for (JsonNode f : e.getValue()) {
						String message = text(f, "message");
						if (!seen.add(text(f, "ruleId") + "|" + message)) {
							p.add("duplicate finding " + text(f, "ruleId") + ": " + message);
						}
						checkText(text(f, "ruleId"), message, p);
						BRACKETED.matcher(message)
							.results()
							.forEach((r) -> p.add(text(f, "ruleId") + ": token " + r.group()));
					}
				}
				else {
					findings(e.getValue(), p);
				}
			}
		}
		else if (node.isArray()) {
			node.forEach((n) -> findings(n, p));
		}
	}

	static void checkText(String where, String text, List<String> p) {
		String unquoted = text.replaceAll("\"[^\"]*\"", "\"\"");
		CAMEL_CASE.matcher(unquoted)
			.results()
			.map((r) -> r.group())
			.filter((t) -> !t.equals("eCFR"))
			.forEach((t) -> p.add(where + ": field token " + t));
		CONSTANT.matcher(unquoted).results().forEach((r) -> p.add(where + ": constant " + r.group()));
		Set<String> words = new TreeSet<>();
		UPPER_WORD.matcher(unquoted).results().map((r) -> r.group()).filter(ENUM_WORDS::contains).forEach(words::add);
		words.forEach((w) -> p.add(where + ": enum name " + w));
	}

}
