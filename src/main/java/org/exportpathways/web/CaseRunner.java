package org.exportpathways.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.exportpathways.api.model.NotificationRequestDto;
import org.exportpathways.api.model.JurisdictionRequestDto;
import org.exportpathways.api.model.QualificationRequestDto;
import org.exportpathways.api.model.ScreeningRequestDto;
import org.exportpathways.bundle.BundleFile;
import org.exportpathways.domain.Finding;
import org.exportpathways.domain.InvalidInputException;
import org.exportpathways.notification.NotificationRequest;
import org.exportpathways.notification.NotificationResult;
import org.exportpathways.jurisdiction.JurisdictionResult;
import org.exportpathways.qualification.QualificationResult;
import org.exportpathways.rollout.Snapshot;
import org.exportpathways.screening.ScreeningResult;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Runs the analyst cases of a bundle ({@code rules/<pack>/cases/*.yaml}) on a snapshot of
 * it: each case file declares its {@code kind} (evaluation, screening, qualification),
 * each case gives a request (the API's field names) and expects, in one schema, what the
 * result shows and which rules fired (see rules/README.md). Used by the build
 * (RuleCasesTests) and by the service, which runs a candidate bundle's own cases before
 * accepting it. A failure names the file, the line and the case.
 */
public final class CaseRunner {

	/** Where case files are in the bundle: any pack's {@code cases} folder. */
	static final Pattern CASES = Pattern.compile("[^/]+/cases/[^/]+\\.yaml");

	static final YAMLMapper YAML = YAMLMapper.builder().build();

	static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	/** One case of a case file; {@code line} is where its name is written. */
	public record Case(String file, int line, String kind, String name, Map<String, Object> given,
			Map<String, Object> expect) {

		public String where() {
			return file + ":" + line;
		}

	}

	/** A case that failed, or a case file that could not be read. */
	public record Failure(String file, int line, String caseName, String message) {
	}

	private final Snapshot snapshot;

	private final NotificationMapper notifications;

	private final ScreeningMapper screenings;

	private final SourceMapper sources;

	private final JurisdictionMapper jurisdictions;

	private final Map<String, Function<Map<String, Object>, Map<String, Object>>> kinds = new LinkedHashMap<>();

	/**
	 * Runs on {@code snapshot}; a case without an asOf is decided as of {@code clock}'s
	 * day.
	 */
	public CaseRunner(Snapshot snapshot, Clock clock) {
		this.snapshot = snapshot;
		this.notifications = new NotificationMapper(clock, new Summaries(snapshot.data()));
		this.screenings = new ScreeningMapper(notifications);
		this.sources = new SourceMapper(notifications);
		this.jurisdictions = new JurisdictionMapper(notifications);
		kinds.put("evaluation", (given) -> {
			NotificationRequestDto r = JSON.convertValue(given, NotificationRequestDto.class);
			return view(snapshot.kernel()
				.decide(snapshot.notifications(),
						new NotificationRequest(notifications.sale(r), notifications.scenario(r.getScenario()))));
		});
		kinds.put("screening", (given) -> view(snapshot.kernel()
			.decide(snapshot.screening(), screenings.request(JSON.convertValue(given, ScreeningRequestDto.class)))));
		kinds.put("qualification", (given) -> view(snapshot.kernel()
			.decide(snapshot.sources(), sources.request(JSON.convertValue(given, QualificationRequestDto.class)))));
		kinds.put("jurisdiction",
				(given) -> view(snapshot.kernel()
					.decide(snapshot.jurisdictions(),
							jurisdictions.request(JSON.convertValue(given, JurisdictionRequestDto.class)))));
	}

	/** The case files of the bundle, in path order. */
	public List<BundleFile> caseFiles() {
		return snapshot.bundle().files().stream().filter((f) -> CASES.matcher(f.path()).matches()).toList();
	}

	/** The cases of one file; a malformed file throws {@link CaseFileException}. */
	@SuppressWarnings("unchecked")
	public List<Case> load(BundleFile f) {
		Map<String, Object> doc;
		try {
			doc = YAML.readValue(f.content(), Map.class);
		}
		catch (RuntimeException ex) {
			throw new CaseFileException(f.displayPath() + ": not a case file: " + ex.getMessage());
		}
		if (doc == null || !Set.of("kind", "cases").equals(doc.keySet())) {
			throw new CaseFileException(f.displayPath() + ": a case file has exactly the keys kind and cases");
		}
		String kind = String.valueOf(doc.get("kind")).toLowerCase();
		if (!kinds.containsKey(kind)) {
			throw new CaseFileException(f.displayPath() + ": unknown kind '" + kind + "', one of " + kinds.keySet());
		}
		List<String> lines = f.text().lines().toList();
		List<Case> cases = new ArrayList<>();
		int from = 0;
		for (Map<String, Object> c : (List<Map<String, Object>>) doc.get("cases")) {
			if (!Set.of("name", "given", "expect").containsAll(c.keySet()) || !c.containsKey("name")) {
				throw new CaseFileException(f.displayPath() + ": a case has the keys name, given and expect");
			}
			String name = String.valueOf(c.get("name"));
			int line = from;
			while (line < lines.size() && !lines.get(line).contains(name)) {
				line++;
			}
			line = (line < lines.size()) ? line + 1 : 0;
			from = Math.max(from, line);
			cases.add(new Case(f.displayPath(), line, kind, name, (Map<String, Object>) c.get("given"),
					(Map<String, Object>) c.get("expect")));
		}
		return cases;
	}

	/** Every case of the bundle. */
	public List<Case> cases() {
		return caseFiles().stream().flatMap((f) -> load(f).stream()).toList();
	}

	/**
	 * Runs every case and checks that every rule is fired by one; returns the failures
	 * (none: the bundle passes).
	 */
	public List<Failure> runAll() {
		List<Failure> failures = new ArrayList<>();
		List<Case> all = new ArrayList<>();
		for (BundleFile f : caseFiles()) {
			try {
				all.addAll(load(f));
			}
			catch (CaseFileException ex) {
				failures.add(new Failure(f.displayPath(), 0, null, ex.getMessage()));
			}
		}
		if (all.isEmpty() && failures.isEmpty()) {
			failures.add(new Failure("rules/", 0, null, "the bundle has no cases (rules/<pack>/cases/*.yaml)"));
		}
		for (Case c : all) {
			String why = check(c);
			if (why != null) {
				failures.add(new Failure(c.file(), c.line(), c.name(), why));
			}
		}
		Set<String> notFired = rulesNotFired(all);
		if (!notFired.isEmpty()) {
			failures.add(new Failure("rules/", 0, null, "rules no case fires: " + notFired));
		}
		return failures;
	}

	/** The rule ids of the bundle that none of {@code cases} fires. */
	public Set<String> rulesNotFired(List<Case> cases) {
		Set<String> fired = new TreeSet<>();
		for (Case c : cases) {
			if (c.expect() != null && !c.expect().containsKey("error")) {
				try {
					snapshot.engine().recordFirings(fired, () -> run(c));
				}
				catch (RuntimeException ex) {
					// reported by check
				}
			}
		}
		Set<String> ids = new TreeSet<>();
		snapshot.engine().rules().forEach((r) -> ids.add(String.valueOf(r.getMetaData().get("id"))));
		ids.removeAll(fired);
		return ids;
	}

	private Map<String, Object> run(Case c) {
		return kinds.get(c.kind()).apply((c.given() != null) ? c.given() : Map.of());
	}

	/** Runs one case; null when it passes, else why it fails. */
	@SuppressWarnings("unchecked")
	public String check(Case c) {
		Map<String, Object> expect = (c.expect() != null) ? c.expect() : Map.of();
		try {
			if (expect.containsKey("error")) {
				if (expect.size() != 1) {
					return "a case expecting an error expects nothing else";
				}
				Map<String, Object> error = (Map<String, Object>) expect.get("error");
				if (!Set.of("status", "field").containsAll(error.keySet())) {
					return "error keys are status and field";
				}
				try {
					run(c);
				}
				catch (InvalidInputException ex) {
					int status = ex.unprocessable() ? 422 : 400;
					if (!Objects.equals(error.get("status"), status)) {
						return "expected status " + error.get("status") + " but got " + status + " " + ex.errors();
					}
					if (ex.errors().stream().noneMatch((e) -> e.field().equals(error.get("field")))) {
						return "expected an error on " + error.get("field") + " but got " + ex.errors();
					}
					return null;
				}
				return "expected an error, but the request was decided";
			}
			Set<String> fired = new TreeSet<>();
			Map<String, Object> result = snapshot.engine().recordFirings(fired, () -> run(c));
			result.put("fired", List.copyOf(fired));
			String why = "rules fired: " + fired + "; findings: " + result.remove("why");
			matches("expect", expect, result, why);
			return null;
		}
		catch (Mismatch m) {
			return m.getMessage();
		}
		catch (RuntimeException ex) {
			return "the case could not be decided: " + ex;
		}
	}

	/** A case file that cannot be read. */
	public static final class CaseFileException extends RuntimeException {

		CaseFileException(String message) {
			super(message);
		}

	}

	private static final class Mismatch extends RuntimeException {

		Mismatch(String message) {
			super(message, null, false, false);
		}

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
				case "fired" -> {
					if (fired == null || !fired.containsAll((List<String>) want)) {
						throw new Mismatch(at + ": expected " + want + " to fire; " + why);
					}
				}
				case "notFired" -> {
					if (fired != null && fired.stream().anyMatch(((List<String>) want)::contains)) {
						throw new Mismatch(at + ": expected none of " + want + " to fire; " + why);
					}
				}
				case "messages" -> {
					List<String> messages = (List<String>) actual.get("messages");
					for (String text : (List<String>) want) {
						if (messages == null || messages.stream().noneMatch((m) -> m.contains(text))) {
							throw new Mismatch(at + ": no message mentions '" + text + "'; " + why);
						}
					}
				}
				default -> {
					if (!actual.containsKey(key)) {
						throw new Mismatch(at + " is not a field of the result (" + actual.keySet() + ")");
					}
					value(at, want, actual.get(key), why);
				}
			}
		}
	}

	@SuppressWarnings("unchecked")
	static void value(String at, Object want, Object got, String why) {
		if (want instanceof Map<?, ?> m) {
			if (!(got instanceof Map)) {
				throw new Mismatch(at + ": expected an object but got " + got + "; " + why);
			}
			matches(at, (Map<String, Object>) m, (Map<String, Object>) got, why);
		}
		else if (want instanceof List<?> l) {
			List<String> w = l.stream().map(String::valueOf).sorted().toList();
			List<String> g = (got instanceof List<?> gl) ? gl.stream().map(String::valueOf).sorted().toList() : null;
			if (!w.equals(g)) {
				throw new Mismatch(at + ": expected " + l + " but got " + got + "; " + why);
			}
		}
		else if (want instanceof Number n && got != null) {
			if (new BigDecimal(String.valueOf(got)).compareTo(new BigDecimal(String.valueOf(n))) != 0) {
				throw new Mismatch(at + ": expected " + n + " but got " + got + "; " + why);
			}
		}
		else if (!Objects.equals(want, got)) {
			throw new Mismatch(at + ": expected " + want + " but got " + got + "; " + why);
		}
	}

	// ---- Views: what a case may expect of each kind's result

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
		v.put("notificationSection", (r.notification() != null) ? r.notification().section() : null);
		v.put("notificationReviewPeriodDays", (r.notification() != null) ? r.notification().reviewPeriodDays() : null);
		v.put("notificationMissing", (r.notification() != null) ? r.notification().missing() : List.of());
		if (r.earNotification() != null) {
			Map<String, Object> ear = new LinkedHashMap<>();
			ear.put("outcome", r.earNotification().outcome());
			ear.put("firearmsValue", r.earNotification().firearmsValue());
			ear.put("threshold", r.earNotification().threshold());
			ear.put("missing", r.earNotification().missing());
			v.put("earNotification", ear);
		}
		else {
			v.put("earNotification", null);
		}
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
	 * The findings' messages, and (under {@code why}, for failure messages) with rule
	 * ids.
	 */
	private static Map<String, Object> findings(List<Finding> findings) {
		Map<String, Object> v = new LinkedHashMap<>();
		v.put("messages", findings.stream().map(Finding::message).toList());
		v.put("why", findings.stream().map((f) -> f.ruleId() + " " + f.message()).toList());
		return v;
	}

}
