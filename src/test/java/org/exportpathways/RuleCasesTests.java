package org.exportpathways;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

import org.exportpathways.api.model.JurisdictionRequestDto;
import org.exportpathways.api.model.NotificationRequestDto;
import org.exportpathways.api.model.QualificationRequestDto;
import org.exportpathways.api.model.ScreeningRequestDto;
import org.exportpathways.domain.Finding;
import org.exportpathways.domain.InvalidInputException;
import org.exportpathways.notification.NotificationRequest;
import org.exportpathways.notification.NotificationResult;
import org.exportpathways.screening.ScreeningResult;
import org.exportpathways.qualification.QualificationResult;
import org.exportpathways.jurisdiction.JurisdictionResult;
import org.exportpathways.web.JurisdictionMapper;
import org.exportpathways.web.ScreeningMapper;
import org.exportpathways.web.SourceMapper;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Runs every analyst case of the bundle (rules/**&#47;cases/**&#47;*.yaml), whatever its
 * pack: each case file declares its {@code kind} (evaluation, screening, qualification,
 * jurisdiction), each case gives a request (the API's field names) and expects, in one
 * schema, what the result shows and which rules fired (see rules/README.md). Also checks
 * that every rule of the bundle is fired by at least one case.
 */
class RuleCasesTests {

	/**
	 * Where case files are, relative to the bundle folder: any {@code cases} folder of
	 * it.
	 */
	static final String CASES = "glob:*/cases/*.yaml";

	static final YAMLMapper YAML = YAMLMapper.builder().build();

	/** Converts a case's {@code given} to a request DTO; unknown keys fail. */
	static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	static final ScreeningMapper SCREENING_MAPPER = new ScreeningMapper(TestBundle.MAPPER);

	static final SourceMapper SOURCE_MAPPER = new SourceMapper(TestBundle.MAPPER);

	static final JurisdictionMapper JURISDICTION_MAPPER = new JurisdictionMapper(TestBundle.MAPPER);

	/**
	 * What a case of each kind runs: the request, through the real service, to a view of
	 * the result.
	 */
	enum Kind {

		EVALUATION((given) -> {
			NotificationRequestDto r = JSON.convertValue(given, NotificationRequestDto.class);
			return view(TestBundle.KERNEL.decide(TestBundle.NOTIFICATIONS,
					new NotificationRequest(TestBundle.MAPPER.sale(r), TestBundle.MAPPER.scenario(r.getScenario()))));
		}),

		SCREENING((given) -> view(TestBundle.KERNEL.decide(TestBundle.SCREENING,
				SCREENING_MAPPER.request(JSON.convertValue(given, ScreeningRequestDto.class))))),

		QUALIFICATION((given) -> view(TestBundle.KERNEL.decide(TestBundle.SOURCES,
				SOURCE_MAPPER.request(JSON.convertValue(given, QualificationRequestDto.class))))),

		JURISDICTION((given) -> view(TestBundle.KERNEL.decide(TestBundle.JURISDICTIONS,
				JURISDICTION_MAPPER.request(JSON.convertValue(given, JurisdictionRequestDto.class)))));

		final Function<Map<String, Object>, Map<String, Object>> run;

		Kind(Function<Map<String, Object>, Map<String, Object>> run) {
			this.run = run;
		}

	}

	/** One case of a case file. */
	record Case(Path file, Kind kind, String name, Map<String, Object> given, Map<String, Object> expect) {
	}

	@TestFactory
	Stream<DynamicNode> cases() throws IOException {
		return caseFiles().stream()
			.map((f) -> DynamicContainer.dynamicContainer(TestBundle.RULES.relativize(f).toString(),
					load(f).stream().map((c) -> DynamicTest.dynamicTest(c.name(), () -> check(c)))));
	}

	@Test
	void everyRuleIsFiredByAtLeastOneCase() throws IOException {
		Set<String> fired = new TreeSet<>();
		for (Path f : caseFiles()) {
			for (Case c : load(f)) {
				if (!c.expect().containsKey("error")) {
					TestBundle.ENGINE.recordFirings(fired, () -> c.kind().run.apply(c.given()));
				}
			}
		}
		Set<String> ids = new TreeSet<>();
		TestBundle.ENGINE.rules().forEach((r) -> ids.add(String.valueOf(r.getMetaData().get("id"))));
		ids.removeAll(fired);
		assertThat(ids).as("rules no case fires").isEmpty();
	}

	static List<Path> caseFiles() throws IOException {
		PathMatcher matcher = FileSystems.getDefault().getPathMatcher(CASES);
		try (Stream<Path> s = Files.walk(TestBundle.RULES)) {
			List<Path> files = s.filter((p) -> matcher.matches(TestBundle.RULES.relativize(p))).sorted().toList();
			assertThat(files).as("case files in " + TestBundle.RULES).isNotEmpty();
			return files;
		}
	}

	@SuppressWarnings("unchecked")
	static List<Case> load(Path f) {
		Map<String, Object> doc = YAML.readValue(f.toFile(), Map.class);
		assertThat(doc.keySet()).as(f + " keys").containsOnly("kind", "cases");
		Kind kind = Kind.valueOf(String.valueOf(doc.get("kind")).toUpperCase());
		List<Case> cases = new ArrayList<>();
		for (Map<String, Object> c : (List<Map<String, Object>>) doc.get("cases")) {
			assertThat(c.keySet()).as(f + " case keys").containsOnly("name", "given", "expect");
			cases.add(new Case(f, kind, String.valueOf(c.get("name")), (Map<String, Object>) c.get("given"),
					(Map<String, Object>) c.get("expect")));
		}
		return cases;
	}

	@SuppressWarnings("unchecked")
	static void check(Case c) {
		Map<String, Object> expect = c.expect();
		if (expect.containsKey("error")) {
			assertThat(expect.keySet()).as("a case expecting an error expects nothing else").containsOnly("error");
			Map<String, Object> error = (Map<String, Object>) expect.get("error");
			assertThat(error.keySet()).as("error keys").containsOnly("status", "field");
			assertThatThrownBy(() -> c.kind().run.apply(c.given())).isInstanceOfSatisfying(InvalidInputException.class,
					(ex) -> {
						assertThat(ex.unprocessable() ? 422 : 400).as("status").isEqualTo(error.get("status"));
						assertThat(ex.errors()).extracting((e) -> e.field()).contains((String) error.get("field"));
					});
			return;
		}
		Set<String> fired = new TreeSet<>();
		Map<String, Object> result = TestBundle.ENGINE.recordFirings(fired, () -> c.kind().run.apply(c.given()));
		result.put("fired", List.copyOf(fired));
		String why = "rules fired: " + fired + "\nfindings:\n  "
				+ String.join("\n  ", (List<String>) result.remove("why"));
		matches("expect", expect, result, why);
	}

	/**
	 * The one expect schema: each key names a field of the result's view; a map matches
	 * field by field (unknown keys fail), a list holds exactly the same values in any
	 * order, a number compares by value. {@code fired} lists rule ids that fired,
	 * {@code notFired} ids that did not, {@code messages} texts that appear in the
	 * messages of that level (findings, or a part's conditions).
	 */
	@SuppressWarnings("unchecked")
	static void matches(String path, Map<String, Object> expect, Map<String, Object> actual, String why) {
		for (Map.Entry<String, Object> e : expect.entrySet()) {
			String key = e.getKey();
			String at = path + "." + key;
			Object want = e.getValue();
			List<String> fired = (List<String>) actual.get("fired");
			switch (key) {
				case "fired" -> assertThat(fired).as(at + "; " + why).containsAll((List<String>) want);
				case "notFired" ->
					assertThat(fired).as(at + "; " + why).doesNotContainAnyElementsOf((List<String>) want);
				case "messages" -> {
					for (String text : (List<String>) want) {
						assertThat((List<String>) actual.get("messages")).as(at + " mentioning '" + text + "'; " + why)
							.anyMatch((m) -> m.contains(text));
					}
				}
				default -> {
					assertThat(actual).as(at + " is not a field of the result (" + actual.keySet() + ")")
						.containsKey(key);
					value(at, want, actual.get(key), why);
				}
			}
		}
	}

	@SuppressWarnings("unchecked")
	static void value(String at, Object want, Object got, String why) {
		if (want instanceof Map<?, ?> m) {
			assertThat(got).as(at + "; " + why).isInstanceOf(Map.class);
			matches(at, (Map<String, Object>) m, (Map<String, Object>) got, why);
		}
		else if (want instanceof List<?> l) {
			assertThat((List<Object>) got).as(at + "; " + why)
				.containsExactlyInAnyOrderElementsOf(l.stream().map(String::valueOf).toList());
		}
		else if (want instanceof Number n && got != null) {
			assertThat(new BigDecimal(String.valueOf(got))).as(at + "; " + why)
				.isEqualByComparingTo(new BigDecimal(String.valueOf(n)));
		}
		else {
			assertThat(got).as(at + "; " + why).isEqualTo(want);
		}
	}

	// ---- Views: what a case may expect of each kind's result
	// --------------------------------------------------------

	static Map<String, Object> view(NotificationResult r) {
		Map<String, Object> v = findings(r.findings());
		v.put("outcome", r.outcome().name());
		v.put("section", r.section());
		v.put("reviewPeriodDays", r.reviewPeriodDays());
		v.put("reviewWaived", r.reviewWaived());
		v.put("recipientGroup", r.recipientGroup().name());
		v.put("thresholdTier", (r.thresholdTier() != null) ? r.thresholdTier().name()
				: (r.thresholds().isEmpty() ? null : "UNDETERMINED"));
		v.put("triggeredBy", r.triggeredBy().stream().map((t) -> t.tier() + "/" + t.kind()).toList());
		v.put("missing", r.missing());
		Map<String, Object> thresholds = new LinkedHashMap<>();
		r.thresholds().forEach((t) -> thresholds.putIfAbsent(t.tier() + "/" + t.kind(), t.amount()));
		v.put("thresholds", thresholds);
		return v;
	}

	static Map<String, Object> view(ScreeningResult r) {
		Map<String, Object> v = findings(
				Stream.concat(r.findings().stream(), r.items().stream().flatMap((i) -> i.findings().stream()))
					.toList());
		v.put("outcome", r.outcome().name());
		v.put("notification", (r.notification() != null) ? r.notification().outcome().name() : null);
		Map<String, Object> items = new LinkedHashMap<>();
		for (ScreeningResult.ItemResult i : r.items()) {
			Map<String, Object> item = findings(i.findings());
			// an item's fired: the rules whose findings explain that item
			item.put("fired", i.findings().stream().map(Finding::ruleId).distinct().toList());
			item.put("outcome", i.outcome().name());
			item.put("jurisdiction", i.jurisdiction());
			item.put("licenseType", i.licenseType());
			item.put("exemption", i.exemption());
			item.put("licenseExceptions", i.licenseExceptions().stream().map((x) -> x.code()).distinct().toList());
			item.put("missing", i.missing());
			item.put("determination", (i.determination() != null) ? i.determination().outcome().name() : null);
			item.remove("why");
			items.put(i.id(), item);
		}
		v.put("items", items);
		return v;
	}

	static Map<String, Object> view(JurisdictionResult r) {
		Map<String, Object> v = findings(r.findings());
		v.put("outcome", r.outcome().name());
		v.put("jurisdiction", r.jurisdiction());
		v.put("usmlCategory", r.usmlCategory());
		v.put("usmlParagraph", r.usmlParagraph());
		v.put("eccn", r.eccn());
		v.put("nextQuestion", (r.nextQuestion() != null) ? r.nextQuestion().field() : null);
		v.put("summary", r.summary());
		return v;
	}

	static Map<String, Object> view(QualificationResult r) {
		Map<String, Object> v = findings(r.findings());
		v.put("qualifyingCountry", r.qualifyingCountry().value());
		Map<String, Object> ba = new LinkedHashMap<>();
		ba.put("status", r.buyAmerican().status());
		ba.put("threshold", r.buyAmerican().threshold());
		ba.put("exceptions", r.buyAmerican().exceptions().stream().map((x) -> x.code()).toList());
		ba.put("missing", r.buyAmerican().missing());
		v.put("buyAmerican", ba);
		v.put("berry", part(r.berry()));
		v.put("specialtyMetals", part(r.specialtyMetals()));
		Map<String, Object> dpa = new LinkedHashMap<>();
		dpa.put("status", r.dpa().status());
		dpa.put("missing", r.dpa().missing());
		dpa.put("messages", r.dpa().conditions());
		v.put("dpa", dpa);
		v.put("enablers", r.enablers().stream().map((x) -> x.name()).toList());
		return v;
	}

	private static Map<String, Object> part(QualificationResult.Part p) {
		Map<String, Object> v = new LinkedHashMap<>();
		v.put("status", p.status());
		v.put("missing", p.missing());
		return v;
	}

	/**
	 * The findings' messages, and (under {@code why}, for failure messages only) each
	 * with its rule id.
	 */
	private static Map<String, Object> findings(List<Finding> findings) {
		Map<String, Object> v = new LinkedHashMap<>();
		v.put("messages", findings.stream().map(Finding::message).toList());
		v.put("why", findings.stream().map((f) -> f.ruleId() + " " + f.message()).toList());
		return v;
	}

}
