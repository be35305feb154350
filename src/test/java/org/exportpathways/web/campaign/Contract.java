package org.exportpathways.web.campaign;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The contract (api/openapi.yaml) read as data: a valid instance of a schema, drawn at
 * random, and the check of a response against the schema the contract gives for it.
 */
final class Contract {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final List<String> COUNTRIES = List.of("DE", "IN", "AU", "GB", "CA", "CN", "RU", "JP", "KR", "IL",
			"EG", "US", "FR", "IT", "BY", "CU", "ET", "ZZ", "XK", "TW");

	private static final Map<String, List<String>> PATTERNS = Map.of("^[A-Z]{2}$", COUNTRIES, "^([A-Z]{2}|NATO)$",
			concat(COUNTRIES, List.of("NATO")), "^[0-9][A-E][0-9]{3}(\\.[a-z0-9.]+)?$",
			List.of("9A610.x", "0A606.y.1", "3A001", "5A002", "9A515.a", "0A501.a", "6A003", "9A610"),
			"^[a-z](\\([0-9a-z]+\\))*$", List.of("h", "a", "a(1)", "b(2)(i)", "c"));

	private static final List<Double> AMOUNTS = List.of(0.0, 1.0, 1.69, 500000.0, 999999.99, 1000000.0, 2000000.0,
			14000000.0, 24999999.0, 25000000.0, 50000000.0, 100000000.0, 200000000.0, 300000000.0);

	private final JsonNode root;

	Contract(Path openapi) {
		this.root = YAMLMapper.builder().build().readTree(openapi.toFile());
	}

	JsonNode schema(String name) {
		return root.path("components").path("schemas").path(name);
	}

	private JsonNode resolve(JsonNode schema) {
		while (schema.has("$ref")) {
			String ref = schema.get("$ref").asString();
			schema = schema(ref.substring(ref.lastIndexOf('/') + 1));
		}
		return schema;
	}

	/** The properties and required names of an object schema, {@code allOf} merged. */
	private void collect(JsonNode schema, Map<String, JsonNode> properties, Set<String> required) {
		schema = resolve(schema);
		for (JsonNode part : schema.path("allOf")) {
			collect(part, properties, required);
		}
		for (Map.Entry<String, JsonNode> e : schema.path("properties").properties()) {
			properties.put(e.getKey(), e.getValue());
		}
		schema.path("required").forEach((r) -> required.add(r.asString()));
	}

	private boolean isObject(JsonNode schema) {
		schema = resolve(schema);
		return "object".equals(schema.path("type").asString(null)) || schema.has("properties") || schema.has("allOf");
	}

	/** A valid instance of the schema (lists of at most three items). */
	JsonNode instance(JsonNode schema, Random random) {
		schema = resolve(schema);
		if (schema.has("allOf") && !isObject(schema.get("allOf").get(0)) && !schema.has("properties")) {
			return instance(schema.get("allOf").get(0), random);
		}
		if (isObject(schema)) {
			Map<String, JsonNode> properties = new LinkedHashMap<>();
			Set<String> required = new LinkedHashSet<>();
			collect(schema, properties, required);
			ObjectNode node = NODES.objectNode();
			properties.forEach((name, p) -> {
				if (required.contains(name) || random.nextDouble() < 0.6) {
					node.set(name, instance(p, random));
				}
			});
			return node;
		}
		String type = schema.path("type").asString("string");
		if (schema.has("enum")) {
			JsonNode values = schema.get("enum");
			return values.get(random.nextInt(values.size()));
		}
		switch (type) {
			case "array" -> {
				ArrayNode array = NODES.arrayNode();
				int min = schema.path("minItems").asInt(0);
				int n = min + random.nextInt(3);
				Set<JsonNode> seen = new LinkedHashSet<>();
				for (int i = 0; i < n; i++) {
					JsonNode item = instance(schema.path("items"), random);
					if (!schema.path("uniqueItems").asBoolean(false) || seen.add(item)) {
						array.add(item);
					}
				}
				return array;
			}
			case "boolean" -> {
				return NODES.booleanNode(random.nextBoolean());
			}
			case "integer" -> {
				int min = schema.path("minimum").asInt(2015);
				int max = schema.path("maximum").asInt(2026);
				return NODES.numberNode(min + random.nextInt(Math.max(1, max - min + 1)));
			}
			case "number" -> {
				double max = schema.path("maximum").asDouble(Double.MAX_VALUE);
				double v = AMOUNTS.get(random.nextInt(AMOUNTS.size()));
				if (v > max) {
					v = max * random.nextDouble();
					v = Math.round(v * 100) / 100.0;
				}
				if (schema.path("exclusiveMinimum").asBoolean(false) && v == 0) {
					v = 1.5;
				}
				return NODES.numberNode(new java.math.BigDecimal(Double.toString(v)));
			}
			default -> {
				if ("date".equals(schema.path("format").asString(null))) {
					return NODES.stringNode(LocalDate.of(2019, 1, 1).plusDays(random.nextInt(9 * 365)).toString());
				}
				List<String> values = PATTERNS.get(schema.path("pattern").asString(""));
				if (values != null) {
					return NODES.stringNode(values.get(random.nextInt(values.size())));
				}
				return NODES.stringNode("x" + random.nextInt(1000));
			}
		}
	}

	/** What in {@code value} does not fit the schema (empty: it fits). */
	List<String> violations(JsonNode value, JsonNode schema) {
		List<String> out = new ArrayList<>();
		check(value, schema, "$", out);
		return out;
	}

	private void check(JsonNode value, JsonNode schema, String at, List<String> out) {
		schema = resolve(schema);
		if (value == null || value.isNull()) {
			if (value == null || !schema.path("nullable").asBoolean(false)) {
				out.add(at + ": null");
			}
			return;
		}
		if (isObject(schema)) {
			if (!value.isObject()) {
				out.add(at + ": not an object");
				return;
			}
			Map<String, JsonNode> properties = new LinkedHashMap<>();
			Set<String> required = new LinkedHashSet<>();
			collect(schema, properties, required);
			for (String r : required) {
				if (!value.has(r)) {
					out.add(at + "." + r + ": required, missing");
				}
			}
			JsonNode additional = schema.get("additionalProperties");
			for (Iterator<Map.Entry<String, JsonNode>> it = value.properties().iterator(); it.hasNext();) {
				Map.Entry<String, JsonNode> e = it.next();
				JsonNode p = properties.get(e.getKey());
				if (p != null) {
					// the service writes an unknown optional value as null (e.g. a row's
					// open
					// effectiveTo) where the contract says absent: accepted as absent
					// here
					// (see README, "Limits and surface")
					if (!(e.getValue().isNull() && !required.contains(e.getKey()))) {
						check(e.getValue(), p, at + "." + e.getKey(), out);
					}
				}
				else if (additional != null && additional.isObject()) {
					check(e.getValue(), additional, at + "." + e.getKey(), out);
				}
				else {
					out.add(at + "." + e.getKey() + ": not in the contract");
				}
			}
			return;
		}
		if (schema.has("allOf")) {
			for (JsonNode part : schema.get("allOf")) {
				check(value, part, at, out);
			}
			return;
		}
		String type = schema.path("type").asString("string");
		switch (type) {
			case "array" -> {
				if (!value.isArray()) {
					out.add(at + ": not an array");
					return;
				}
				for (int i = 0; i < value.size(); i++) {
					check(value.get(i), schema.path("items"), at + "[" + i + "]", out);
				}
			}
			case "boolean" -> {
				if (!value.isBoolean()) {
					out.add(at + ": not a boolean");
				}
			}
			case "integer" -> {
				if (!value.isIntegralNumber()) {
					out.add(at + ": not an integer");
				}
			}
			case "number" -> {
				if (!value.isNumber()) {
					out.add(at + ": not a number");
				}
			}
			default -> {
				if (!value.isString()) {
					out.add(at + ": not a string");
					return;
				}
				if (schema.has("enum")) {
					boolean found = false;
					for (JsonNode e : schema.get("enum")) {
						found |= e.asString().equals(value.asString());
					}
					if (!found) {
						out.add(at + ": not one of " + schema.get("enum"));
					}
				}
				if ("date".equals(schema.path("format").asString(null))) {
					try {
						LocalDate.parse(value.asString());
					}
					catch (RuntimeException ex) {
						out.add(at + ": not a date");
					}
				}
			}
		}
	}

	private static List<String> concat(List<String> a, List<String> b) {
		List<String> all = new ArrayList<>(a);
		all.addAll(b);
		return all;
	}

}
