package org.exportpathways.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.exportpathways.api.model.JurisdictionRequestDto;
import org.exportpathways.api.model.NotificationRequestDto;
import org.exportpathways.api.model.QualificationRequestDto;
import org.exportpathways.api.model.ScreeningRequestDto;
import org.exportpathways.bundle.BundleFile;
import org.exportpathways.bundle.RuleBundle;
import org.exportpathways.bundle.RuleBundleException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One real decision per regime pack ({@code rules/<pack>/canary.json}: an API request and
 * the part of the answer it must give), run through the same controllers and rules as a
 * client's request. At start-up they run on the main thread before the service accepts
 * traffic, and a wrong or failing canary stops start-up. The readiness health indicator
 * ({@code rules}) runs them again on every probe and reports DOWN naming the pack that
 * fails.
 */
@Component("rules")
public class RegimeCanaries implements SmartInitializingSingleton, HealthIndicator {

	private static final Logger log = LoggerFactory.getLogger(RegimeCanaries.class);

	static final String FILE = "canary.json";

	/**
	 * A pack's canary: the operation it calls, its request and the expected part of the
	 * answer.
	 */
	record Canary(String pack, String operation, JsonNode request, JsonNode expect) {
	}

	private final List<Canary> canaries = new ArrayList<>();

	private final Map<String, Function<JsonNode, Object>> operations = new LinkedHashMap<>();

	private final JsonMapper json;

	private final RuleBundle bundle;

	public RegimeCanaries(RuleBundle bundle, JsonMapper json, NotificationController notifications,
			ScreeningController screenings, SourceController sources, JurisdictionController jurisdictions) {
		this.bundle = bundle;
		this.json = json;
		operations.put("evaluateNotification",
				(r) -> notifications.evaluateNotification(json.treeToValue(r, NotificationRequestDto.class)).getBody());
		operations.put("screenTransfer",
				(r) -> screenings.screenTransfer(json.treeToValue(r, ScreeningRequestDto.class)).getBody());
		operations.put("qualifySource",
				(r) -> sources.qualifySource(json.treeToValue(r, QualificationRequestDto.class)).getBody());
		operations.put("determineJurisdiction",
				(r) -> jurisdictions.determineJurisdiction(json.treeToValue(r, JurisdictionRequestDto.class))
					.getBody());
		for (BundleFile f : bundle.files("", "/" + FILE)) {
			String pack = f.path().substring(0, f.path().length() - FILE.length() - 1);
			pack = pack.substring(pack.lastIndexOf('/') + 1);
			JsonNode node = json.readTree(new String(f.content(), StandardCharsets.UTF_8));
			String op = node.path("operation").asString();
			if (!operations.containsKey(op) || !node.has("request") || !node.has("expect")) {
				throw new RuleBundleException(f.displayPath() + ": a canary names an operation of "
						+ operations.keySet() + " and has a request and an expect");
			}
			canaries.add(new Canary(pack, op, node.get("request"), node.get("expect")));
		}
	}

	/** Runs every canary on the starting thread; a failure stops start-up. */
	@Override
	public void afterSingletonsInstantiated() {
		if (canaries.isEmpty()) {
			throw new RuleBundleException("The rule bundle at " + bundle.origin() + " has no pack canary (" + FILE
					+ "): readiness could not be checked");
		}
		Map<String, String> failures = run();
		if (!failures.isEmpty()) {
			throw new RuleBundleException("Start-up canary decisions failed: " + failures);
		}
		log.info("Start-up canary decisions passed for packs {}", packs());
	}

	/** The packs with a canary. */
	public List<String> packs() {
		return canaries.stream().map(Canary::pack).toList();
	}

	/** Runs every canary; returns the failures by pack (empty when all pass). */
	public Map<String, String> run() {
		Map<String, String> failures = new LinkedHashMap<>();
		for (Canary c : canaries) {
			try {
				JsonNode answer = json.valueToTree(operations.get(c.operation()).apply(c.request()));
				String mismatch = mismatch(c.expect(), answer, "");
				if (mismatch != null) {
					failures.put(c.pack(), "unexpected answer at " + mismatch);
				}
			}
			catch (RuntimeException | Error ex) {
				log.error("Canary decision of pack {} failed", c.pack(), ex);
				failures.put(c.pack(), ex.getClass().getSimpleName());
			}
		}
		return failures;
	}

	@Override
	public Health health() {
		Map<String, String> failures = run();
		Map<String, Object> details = new LinkedHashMap<>();
		for (Canary c : canaries) {
			details.put(c.pack(), failures.getOrDefault(c.pack(), "UP"));
		}
		return (failures.isEmpty() ? Health.up() : Health.down()).withDetails(details).build();
	}

	/**
	 * The first path where {@code actual} does not hold {@code expected} (objects: a
	 * subset; the rest: equal).
	 */
	static String mismatch(JsonNode expected, JsonNode actual, String path) {
		if (expected.isObject()) {
			if (!actual.isObject()) {
				return path.isEmpty() ? "/" : path;
			}
			Iterator<Map.Entry<String, JsonNode>> fields = expected.properties().iterator();
			while (fields.hasNext()) {
				Map.Entry<String, JsonNode> e = fields.next();
				String m = mismatch(e.getValue(), actual.path(e.getKey()), path + "/" + e.getKey());
				if (m != null) {
					return m;
				}
			}
			return null;
		}
		if (expected.isArray()) {
			if (!actual.isArray() || actual.size() != expected.size()) {
				return path;
			}
			for (int i = 0; i < expected.size(); i++) {
				String m = mismatch(expected.get(i), actual.get(i), path + "/" + i);
				if (m != null) {
					return m;
				}
			}
			return null;
		}
		if (expected.isNumber() && actual.isNumber()) {
			return (expected.decimalValue().compareTo(actual.decimalValue()) == 0) ? null : path;
		}
		return expected.equals(actual) ? null : path;
	}

}
