package org.exportpathways;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.exportpathways.domain.InvalidInputException;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Loads the analysts' given/expect case files of a regime pack (rules/&lt;pack&gt;/cases/) as dynamic tests. */
public final class RuleCases {

	static final YAMLMapper YAML = YAMLMapper.builder().build();

	/** Converts a case's {@code given} to a request DTO; unknown keys fail. */
	public static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private RuleCases() {
	}

	/**
	 * When the case expects an {@code error}, asserts that {@code call} is refused with that status (400, or 422 for
	 * unprocessable input) naming that field, and returns true; returns false when no error is expected.
	 */
	@SuppressWarnings("unchecked")
	public static boolean expectedError(Map<String, Object> expect, ThrowingCallable call) {
		if (!expect.containsKey("error")) {
			return false;
		}
		Map<String, Object> error = (Map<String, Object>) expect.get("error");
		assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInputException.class, (ex) -> {
			assertThat(ex.unprocessable() ? 422 : 400).isEqualTo(error.get("status"));
			assertThat(ex.errors()).extracting((e) -> e.field()).contains((String) error.get("field"));
		});
		return true;
	}

	/** {@code expect[key]}, when present, equals {@code actual}. */
	public static void check(Map<String, Object> expect, String key, Object actual, String why) {
		if (expect.containsKey(key)) {
			assertThat(actual).as(key + "; " + why).isEqualTo(expect.get(key));
		}
	}

	/** {@code expect[key]}, when present, lists exactly the {@code actual} values, in any order. */
	@SuppressWarnings("unchecked")
	public static void exactly(Map<String, Object> expect, String key, List<String> actual, String why) {
		if (expect.containsKey(key)) {
			assertThat(actual).as(key + "; " + why).containsExactlyInAnyOrderElementsOf((List<String>) expect.get(key));
		}
	}

	/**
	 * The rule ids of {@code expect.fired} are among {@code fired}, those of {@code expect.notFired} are not, and each
	 * text of {@code expect.messages} appears in one of {@code messages}.
	 */
	@SuppressWarnings("unchecked")
	public static void explanations(Map<String, Object> expect, List<String> fired, List<String> messages, String why) {
		if (expect.containsKey("fired")) {
			assertThat(fired).as("rules fired; " + why).containsAll((List<String>) expect.get("fired"));
		}
		if (expect.containsKey("notFired")) {
			assertThat(fired).as("rules fired; " + why).doesNotContainAnyElementsOf((List<String>) expect.get("notFired"));
		}
		if (expect.containsKey("messages")) {
			for (String text : (List<String>) expect.get("messages")) {
				assertThat(messages).as("a finding mentioning '" + text + "'; " + why).anyMatch((m) -> m.contains(text));
			}
		}
	}

	@SuppressWarnings("unchecked")
	public static Stream<DynamicNode> load(String pack, BiConsumer<Map<String, Object>, Map<String, Object>> run)
			throws IOException {
		Path dir = TestBundle.RULES.resolve(pack).resolve("cases");
		List<Path> files;
		try (Stream<Path> s = Files.list(dir)) {
			files = s.filter((p) -> p.toString().endsWith(".yaml")).sorted().toList();
		}
		assertThat(files).as("case files in " + dir).isNotEmpty();
		return files.stream().map((f) -> {
			Map<String, Object> doc = YAML.readValue(f.toFile(), Map.class);
			assertThat(doc.keySet()).as(f + " keys").containsOnly("cases");
			List<Map<String, Object>> cases = (List<Map<String, Object>>) doc.get("cases");
			return DynamicContainer.dynamicContainer(f.getFileName().toString(), cases.stream().map((c) -> {
				assertThat(c.keySet()).as(f + " case keys").containsOnly("name", "given", "expect");
				return DynamicTest.dynamicTest(String.valueOf(c.get("name")),
						() -> run.accept((Map<String, Object>) c.get("given"), (Map<String, Object>) c.get("expect")));
			}));
		});
	}

}
