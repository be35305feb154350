package org.exportpathways.web;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.exportpathways.records.DecisionRecord;
import org.exportpathways.rollout.ActiveBundle;
import org.exportpathways.rollout.Snapshot;
import org.springframework.context.ApplicationContext;
import org.springframework.http.ResponseEntity;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Re-decides a recorded request, whatever its operation: the handler whose name is the
 * record's {@code kind} and whose one parameter is the request type (found among the
 * controllers' mappings, so a new operation needs no code here) is called with the
 * recorded request, on the snapshot given.
 */
public class DecisionOperations {

	/** A re-decided record: the new response and how it differs from the recorded one. */
	public record Redecided(JsonNode response, String outcome, String rulesetVersion, List<Map<String, String>> added,
			List<Map<String, String>> removed) {

		public boolean outcomeChanged(String recordedOutcome) {
			return !java.util.Objects.equals(recordedOutcome, outcome);
		}

	}

	private final ApplicationContext context;

	private final ActiveBundle bundles;

	private final JsonMapper json;

	private volatile Map<String, HandlerMethod> handlers;

	public DecisionOperations(ApplicationContext context, ActiveBundle bundles, JsonMapper json) {
		this.context = context;
		this.bundles = bundles;
		this.json = json;
	}

	private Map<String, HandlerMethod> handlers() {
		if (handlers == null) {
			Map<String, HandlerMethod> found = new LinkedHashMap<>();
			context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class)
				.getHandlerMethods()
				.values()
				.forEach((h) -> {
					Method m = h.getMethod();
					if (m.getParameterCount() == 1 && ResponseEntity.class.equals(m.getReturnType())
							&& !m.getName().endsWith("Upload")) {
						found.putIfAbsent(m.getName(), h);
					}
				});
			handlers = found;
		}
		return handlers;
	}

	/**
	 * Re-decides the record on {@code snapshot} (the same asOf: it is in the request).
	 */
	public Redecided redecide(DecisionRecord record, Snapshot snapshot) {
		HandlerMethod h = handlers().get(record.kind());
		if (h == null) {
			throw new ApiProblem(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT,
					"No operation '" + record.kind() + "' to replay the decision with.");
		}
		Object request = json.readValue(record.request(), h.getMethod().getParameterTypes()[0]);
		Object bean = (h.getBean() instanceof String name) ? context.getBean(name) : h.getBean();
		Object body = bundles.using(snapshot, () -> {
			try {
				return ((ResponseEntity<?>) h.getMethod().invoke(bean, request)).getBody();
			}
			catch (InvocationTargetException ex) {
				throw (ex.getCause() instanceof RuntimeException r) ? r : new IllegalStateException(ex.getCause());
			}
			catch (IllegalAccessException ex) {
				throw new IllegalStateException(ex);
			}
		});
		JsonNode now = json.valueToTree(body);
		JsonNode before = json.readTree(record.response());
		Set<Map<String, String>> was = findings(before);
		Set<Map<String, String>> is = findings(now);
		List<Map<String, String>> added = new ArrayList<>(is);
		added.removeAll(was);
		List<Map<String, String>> removed = new ArrayList<>(was);
		removed.removeAll(is);
		return new Redecided(now, DecisionRecording.text(now, DecisionRecording.OUTCOME),
				DecisionRecording.text(now, List.of("/rulesetVersion")), added, removed);
	}

	/** Every finding anywhere in a response (rule id and message). */
	static Set<Map<String, String>> findings(JsonNode node) {
		Set<Map<String, String>> out = new LinkedHashSet<>();
		collect(node, out);
		return out;
	}

	private static void collect(JsonNode node, Set<Map<String, String>> out) {
		if (node.isObject()) {
			for (Map.Entry<String, JsonNode> e : node.properties()) {
				if (e.getKey().equals("findings") && e.getValue().isArray()) {
					for (JsonNode f : e.getValue()) {
						Map<String, String> ref = new LinkedHashMap<>();
						ref.put("ruleId", f.path("ruleId").asString());
						ref.put("message", f.path("message").asString());
						out.add(ref);
					}
				}
				else {
					collect(e.getValue(), out);
				}
			}
		}
		else if (node.isArray()) {
			node.forEach((n) -> collect(n, out));
		}
	}

}
