package org.exportpathways.web.campaign;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.exportpathways.Application;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated bad-input campaign: 10,000 requests per run, each built from the
 * contract's request schema (a valid instance) and then, most of the time, mutated: wrong
 * types, nulls, missing and unknown fields, out-of-range and oversized numbers, long
 * strings, deep nesting, impossible dates, duplicated unique items, broken or empty
 * bodies, invalid UTF-8, oversized bodies, wrong content types and accept headers. Sent
 * over HTTP to the application on a random port. Whatever the input: never a 5xx, never a
 * hang (10 s), every refusal an {@code application/problem+json} whose {@code type} is
 * documented and whose errors name a field (or the body) with a message naming no Java
 * type and echoing no input; every 200 valid against the response schema of the contract.
 */
class BadInputCampaignTests {

	static final int TRIES = 10_000;

	static final String ECHO = "EchoMarker";

	record Operation(String id, String method, String path, String request, String response) {
	}

	static final List<Operation> OPERATIONS = List.of(
			new Operation("evaluateNotification", "POST", "/v1/notifications/evaluations", "NotificationRequest",
					"NotificationDecision"),
			new Operation("simulateNotifications", "POST", "/v1/notifications/simulations", "SimulationRequest",
					"SimulationResponse"),
			new Operation("screenTransfer", "POST", "/v1/transfers/screenings", "ScreeningRequest",
					"ScreeningResponse"),
			new Operation("qualifySource", "POST", "/v1/sources/qualifications", "QualificationRequest",
					"QualificationResponse"),
			new Operation("getCountryProfile", "GET", "/v1/countries/", null, "CountryProfile"));

	enum Mutation {

		NONE, NULL_VALUE, WRONG_TYPE, DROP_FIELD, UNKNOWN_FIELD, BAD_NUMBER, LONG_STRING, BAD_DATE, DUPLICATE_ITEM,
		DEEP_NESTING, EMPTY_STRING, BIG_LIST, TRUNCATED, INVALID_UTF8, EMPTY_BODY, CONTENT_TYPE, ACCEPT, OVERSIZE,
		DUPLICATE_KEY, TRAILING_GARBAGE, NUMBER_AS_STRING, BAD_PATH

	}

	static final List<String> BAD_NUMBERS = List.of("1e100000000", "1e1000000", "-1", "123456789012345678901",
			"0.0000001", "1e-7", "-0", "9999999999999999", "1E+400", "0.123456789", "2", "1.5", "-1e300",
			"100.0000001");

	static final List<String> BAD_DATES = List.of("+10000-01-01", "2026-02-30", "20261125", "2026-11-25T00:00:00Z",
			"0000-01-01", "-2026-01-01", "2026-13-01", "26-11-25", "");

	static ConfigurableApplicationContext app;

	static HttpClient http;

	static String base;

	static Contract contract;

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final AtomicInteger sent = new AtomicInteger();

	static final Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();

	@BeforeContainer
	static void start() {
		app = new SpringApplicationBuilder(Application.class)
			.properties("server.port=0", "server.address=127.0.0.1", "logging.level.root=WARN",
					"spring.main.banner-mode=off")
			.run();
		int port = ((WebServerApplicationContext) app).getWebServer().getPort();
		base = "http://127.0.0.1:" + port;
		http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		contract = new Contract(Path.of("api/openapi.yaml"));
	}

	@AfterContainer
	static void stop() {
		System.out.printf("Bad-input campaign: %d requests; statuses %s%n", sent.get(), statuses);
		if (app != null) {
			app.close();
		}
		assertThat(failures).as("counterexamples (operation and mutation: seed, failure)").isEmpty();
		assertThat(sent.get()).as("requests sent").isGreaterThanOrEqualTo(TRIES);
	}

	@Provide
	Arbitrary<Operation> operations() {
		return Arbitraries.of(OPERATIONS);
	}

	@Provide
	Arbitrary<Mutation> mutations() {
		return Arbitraries.of(Mutation.class);
	}

	static final Map<String, String> failures = new ConcurrentHashMap<>();

	/**
	 * Every try runs to the end: the counterexamples are collected (one per operation and
	 * mutation) and reported together when the campaign ends.
	 */
	@Property(tries = TRIES, generation = GenerationMode.RANDOMIZED, shrinking = ShrinkingMode.OFF)
	void noInputBreaksTheService(@ForAll("operations") Operation op, @ForAll("mutations") Mutation mutation,
			@ForAll("seeds") long seed) throws Exception {
		try {
			attempt(op, mutation, seed);
		}
		catch (AssertionError ex) {
			failures.putIfAbsent(op.id() + " " + mutation, "seed " + seed + ": " + ex.getMessage());
		}
	}

	void attempt(Operation op, Mutation mutation, long seed) throws Exception {
		Random random = new Random(seed);
		HttpRequest request = request(op, mutation, random);
		HttpResponse<byte[]> response;
		try {
			response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (HttpTimeoutException ex) {
			throw new AssertionError(op.id() + " " + mutation + ": no answer within 10 s", ex);
		}
		sent.incrementAndGet();
		int status = response.statusCode();
		statuses.computeIfAbsent(String.valueOf(status), (s) -> new AtomicInteger()).incrementAndGet();
		String body = new String(response.body(), StandardCharsets.UTF_8);
		String what = op.id() + " " + mutation + " -> " + status + " " + abbreviate(body);
		assertThat(status).as(what).isLessThan(500).isNotEqualTo(0);
		String contentType = response.headers().firstValue("Content-Type").orElse("");
		assertThat(response.headers().firstValue("X-Content-Type-Options")).as(what).contains("nosniff");
		if (status == 200) {
			assertThat(contentType).as(what).startsWith("application/json");
			JsonNode json = JSON.readTree(body);
			assertThat(contract.violations(json, contract.schema(op.response()))).as(what).isEmpty();
			return;
		}
		assertThat(contentType).as(what).startsWith("application/problem+json");
		JsonNode problem = JSON.readTree(body);
		assertThat(problem.path("type").asString()).as(what).startsWith("/problems/");
		assertThat(problem.path("status").asInt()).as(what).isEqualTo(status);
		String withoutInstance = (problem.path("instance").isString())
				? body.replace(problem.path("instance").asString(), "") : body;
		assertThat(withoutInstance).as(what + ": names no Java type")
			.doesNotContain("Dto")
			.doesNotContain("java.")
			.doesNotContain("tools.jackson")
			.doesNotContain("org.")
			.doesNotContainPattern("[A-Za-z]+Exception\\b(?!Facts)");
		for (JsonNode e : problem.path("errors")) {
			// a field path may name the unknown field it refuses; no message repeats
			// input
			assertThat(e.path("message").asString()).as(what + ": echoes no input").doesNotContain(ECHO);
		}
		assertThat(problem.path("detail").asString()).as(what + ": echoes no input").doesNotContain(ECHO);
		if (status == 400 || status == 413 || status == 422) {
			assertThat(problem.path("errors").isArray() && !problem.path("errors").isEmpty())
				.as(what + ": errors name a field")
				.isTrue();
			for (JsonNode e : problem.path("errors")) {
				assertThat(e.path("field").asString()).as(what).isNotBlank();
				assertThat(e.path("message").asString()).as(what).isNotBlank();
			}
		}
	}

	@Provide
	Arbitrary<Long> seeds() {
		return Arbitraries.longs();
	}

	static HttpRequest request(Operation op, Mutation mutation, Random random) {
		HttpRequest.Builder b = HttpRequest.newBuilder().timeout(Duration.ofSeconds(10));
		if (op.request() == null) {
			String code = (String) pick(random,
					List.of("DE", "AU", "CN", "ZZ", "de", "D", "DEU", "NATO", "%00", "..%2F", ECHO, "%F0%28%8C%BC"));
			String asOf = switch (random.nextInt(4)) {
				case 0 -> "";
				case 1 -> "?asOf=2026-11-25";
				case 2 -> "?asOf=" + pick(random, List.of("%2B10000-01-01", "2026-02-30", "x", "2001-01-01"));
				default -> "?asOf=2019-06-01&unknown=1";
			};
			b.uri(URI.create(base + op.path() + code + asOf));
			if (mutation == Mutation.ACCEPT) {
				b.header("Accept", (String) pick(random, List.of("text/html", "application/xml", "image/png")));
			}
			return b.method(random.nextInt(20) == 0 ? "DELETE" : "GET", HttpRequest.BodyPublishers.noBody()).build();
		}
		JsonNode body = contract.instance(contract.schema(op.request()), random);
		String contentType = "application/json";
		byte[] bytes;
		List<String> raws = new ArrayList<>();
		switch (mutation) {
			case NULL_VALUE -> replace(body, random, JsonNodeFactory.instance.nullNode());
			case WRONG_TYPE -> replace(body, random,
					(JsonNode) pick(random,
							List.of(JsonNodeFactory.instance.stringNode("x"), JsonNodeFactory.instance.numberNode(2),
									JsonNodeFactory.instance.booleanNode(true), JsonNodeFactory.instance.objectNode(),
									JsonNodeFactory.instance.arrayNode(), JsonNodeFactory.instance.numberNode(7.5))));
			case DROP_FIELD -> drop(body, random);
			case UNKNOWN_FIELD -> pickObject(body, random).put(ECHO, 1);
			case BAD_NUMBER -> {
				raws.add((String) pick(random, BAD_NUMBERS));
				replace(body, random, JsonNodeFactory.instance.stringNode("__RAW_0__"));
			}
			case LONG_STRING ->
				replace(body, random, JsonNodeFactory.instance.stringNode(ECHO.repeat(1 + random.nextInt(3000))));
			case BAD_DATE ->
				replace(body, random, JsonNodeFactory.instance.stringNode((String) pick(random, BAD_DATES)));
			case DUPLICATE_ITEM -> duplicate(body, random);
			case DEEP_NESTING -> {
				raws.add("[".repeat(40) + "]".repeat(40));
				replace(body, random, JsonNodeFactory.instance.stringNode("__RAW_0__"));
			}
			case EMPTY_STRING -> replace(body, random, JsonNodeFactory.instance.stringNode(""));
			case BIG_LIST -> {
				ArrayNode list = JsonNodeFactory.instance.arrayNode();
				JsonNode item = contract.instance(
						contract.schema(op.id().equals("screenTransfer") ? "ScreeningItem" : "SimulationSale"), random);
				for (int i = 0; i < 1001 + random.nextInt(50); i++) {
					list.add(item);
				}
				((ObjectNode) body).set(op.id().equals("screenTransfer") ? "items" : "sales", list);
			}
			case NUMBER_AS_STRING -> replace(body, random, JsonNodeFactory.instance.stringNode("25000000"));
			default -> {
			}
		}
		String text = JSON.writeValueAsString(body);
		for (int i = 0; i < raws.size(); i++) {
			text = text.replace("\"__RAW_" + i + "__\"", raws.get(i));
		}
		bytes = text.getBytes(StandardCharsets.UTF_8);
		switch (mutation) {
			case TRUNCATED ->
				bytes = text.substring(0, random.nextInt(Math.max(1, text.length()))).getBytes(StandardCharsets.UTF_8);
			case INVALID_UTF8 -> {
				byte[] bad = new byte[bytes.length + 3];
				System.arraycopy(bytes, 0, bad, 0, bytes.length);
				int at = Math.max(1, bytes.length - 2);
				System.arraycopy(new byte[] { (byte) 0xC3, (byte) 0x28, (byte) 0xFF }, 0, bad, at - 1, 3);
				bytes = bad;
			}
			case EMPTY_BODY -> bytes = new byte[0];
			case CONTENT_TYPE -> contentType = (String) pick(random,
					List.of("text/plain", "application/xml", "multipart/form-data; boundary=x",
							"application/x-www-form-urlencoded", "application/json; charset=ISO-8859-1"));
			case ACCEPT ->
				b.header("Accept", (String) pick(random, List.of("text/html", "application/xml", "image/png")));
			case OVERSIZE ->
				bytes = ("{\"" + ECHO + "\":\"" + "a".repeat(300_000) + "\"}").getBytes(StandardCharsets.UTF_8);
			case DUPLICATE_KEY ->
				bytes = ("{\"asOf\":\"2026-11-25\"," + text.substring(1)).replace("{\"asOf\":\"2026-11-25\",}", "{}")
					.getBytes(StandardCharsets.UTF_8);
			case TRAILING_GARBAGE -> bytes = (text + "}" + ECHO).getBytes(StandardCharsets.UTF_8);
			default -> {
			}
		}
		String path = op.path();
		if (mutation == Mutation.BAD_PATH) {
			path = path + (String) pick(random, List.of("/", "/x", "%00", ";jsessionid=1", "/../evaluations"));
		}
		b.uri(URI.create(base + path));
		b.header("Content-Type", contentType);
		return b.method(op.method(), HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
	}

	static Object pick(Random random, List<?> values) {
		return values.get(random.nextInt(values.size()));
	}

	/** Every (container, key or index) in the tree. */
	static void slots(JsonNode node, List<Object[]> out) {
		if (node.isObject()) {
			for (String name : node.propertyNames()) {
				out.add(new Object[] { node, name });
				slots(node.get(name), out);
			}
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				out.add(new Object[] { node, i });
				slots(node.get(i), out);
			}
		}
	}

	static void replace(JsonNode body, Random random, JsonNode value) {
		List<Object[]> slots = new ArrayList<>();
		slots(body, slots);
		if (slots.isEmpty()) {
			((ObjectNode) body).set("asOf", value);
			return;
		}
		Object[] slot = slots.get(random.nextInt(slots.size()));
		if (slot[0] instanceof ObjectNode o) {
			o.set((String) slot[1], value);
		}
		else {
			((ArrayNode) slot[0]).set((Integer) slot[1], value);
		}
	}

	static void drop(JsonNode body, Random random) {
		List<Object[]> slots = new ArrayList<>();
		slots(body, slots);
		slots.removeIf((s) -> !(s[0] instanceof ObjectNode));
		if (!slots.isEmpty()) {
			Object[] slot = slots.get(random.nextInt(slots.size()));
			((ObjectNode) slot[0]).remove((String) slot[1]);
		}
	}

	static ObjectNode pickObject(JsonNode body, Random random) {
		List<Object[]> slots = new ArrayList<>();
		slots(body, slots);
		List<ObjectNode> objects = new ArrayList<>();
		objects.add((ObjectNode) body);
		slots.stream()
			.map((s) -> (s[0] instanceof ObjectNode o) ? o.get((String) s[1]) : ((ArrayNode) s[0]).get((Integer) s[1]))
			.filter(JsonNode::isObject)
			.forEach((n) -> objects.add((ObjectNode) n));
		return objects.get(random.nextInt(objects.size()));
	}

	static void duplicate(JsonNode body, Random random) {
		List<Object[]> slots = new ArrayList<>();
		slots(body, slots);
		List<ArrayNode> arrays = new ArrayList<>();
		for (Object[] s : slots) {
			JsonNode n = (s[0] instanceof ObjectNode o) ? o.get((String) s[1]) : ((ArrayNode) s[0]).get((Integer) s[1]);
			if (n.isArray() && !n.isEmpty()) {
				arrays.add((ArrayNode) n);
			}
		}
		if (!arrays.isEmpty()) {
			ArrayNode a = arrays.get(random.nextInt(arrays.size()));
			a.add(a.get(0).deepCopy());
		}
	}

	static String abbreviate(String s) {
		return (s.length() > 400) ? s.substring(0, 400) + "..." : s;
	}

}
