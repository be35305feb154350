package org.exportpathways;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Loads the analysts' given/expect case files of a regime folder under rules/cases/ as dynamic tests. */
public final class RuleCases {

	static final YAMLMapper YAML = YAMLMapper.builder().build();

	/** Converts a case's {@code given} to a request DTO; unknown keys fail. */
	public static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private RuleCases() {
	}

	@SuppressWarnings("unchecked")
	public static Stream<DynamicNode> load(String regime, BiConsumer<Map<String, Object>, Map<String, Object>> run)
			throws IOException {
		Path dir = TestBundle.RULES.resolve("cases").resolve(regime);
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
