package org.exportpathways.bundle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.exportpathways.Application;
import org.exportpathways.TestBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The service runs on an external rules/ folder when told to, and refuses to start on a
 * broken one.
 */
class ExternalRuleBundleTests {

	@TempDir
	Path dir;

	private Path copyOfRules() throws IOException {
		Path copy = dir.resolve("rules");
		try (Stream<Path> paths = Files.walk(TestBundle.RULES)) {
			for (Path p : paths.toList()) {
				Path target = copy.resolve(TestBundle.RULES.relativize(p).toString());
				if (Files.isDirectory(p)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(p, target);
				}
			}
		}
		return copy;
	}

	private static ConfigurableApplicationContext start(Path rules) {
		return new SpringApplicationBuilder(Application.class).run("--server.port=0",
				"--exportpathways.rules-dir=" + rules.toAbsolutePath());
	}

	@Test
	void anExternalRulesFolderIsUsedInsteadOfThePackagedBundle() throws IOException {
		Path rules = copyOfRules();
		Files.writeString(rules.resolve("bundle.yaml"), Files.readString(rules.resolve("bundle.yaml"))
			.replaceFirst("version: \\d+\\.\\d+\\.\\d+", "version: 9.9.9"));
		try (ConfigurableApplicationContext ctx = start(rules)) {
			RuleBundle bundle = ctx.getBean(RuleBundle.class);
			assertThat(bundle.origin()).isEqualTo(rules.toAbsolutePath().normalize().toString());
			assertThat(ctx.getBean(RulesetVersion.class).value()).startsWith("9.9.9+sha256.");
		}
	}

	@Test
	void aDrlErrorInTheExternalFolderStopsStartUpNamingFileAndLine() throws IOException {
		Path rules = copyOfRules();
		Path drl = rules.resolve("congressional-notification/20-thresholds.drl");
		Files.writeString(drl, Files.readString(drl)
			.replaceFirst("CandidateTier\\( \\$t : tier \\)", "CandidateTier( \\$t : tierz )"));
		assertThatThrownBy(() -> start(rules))
			.hasStackTraceContaining("rules/congressional-notification/20-thresholds.drl:")
			.hasStackTraceContaining("tierz");
	}

	@Test
	void aMalformedReferenceTableStopsStartUp() throws IOException {
		Path rules = copyOfRules();
		Path csv = rules.resolve("reference/nato-members.csv");
		Files.writeString(csv, Files.readString(csv) + "FI,2024-13-01,,cite,source,\n");
		assertThatThrownBy(() -> start(rules)).hasStackTraceContaining("rules/reference/nato-members.csv")
			.hasStackTraceContaining("2024-13-01");
	}

	@Test
	void aPackWithoutItsPackYamlStopsStartUpNamingThePack() throws IOException {
		Path rules = copyOfRules();
		Files.delete(rules.resolve("dpa/pack.yaml"));
		assertThatThrownBy(() -> start(rules)).hasStackTraceContaining("rules/dpa/pack.yaml is missing");
	}

	@Test
	void aPackWithoutItsCanaryStopsStartUpNamingThePack() throws IOException {
		Path rules = copyOfRules();
		Files.delete(rules.resolve("ear/canary.json"));
		assertThatThrownBy(() -> start(rules)).hasStackTraceContaining("rules/ear/canary.json is missing");
	}

	@Test
	void aCanaryWhoseAnswerIsWrongStopsStartUpNamingThePackAndTheField() throws IOException {
		Path rules = copyOfRules();
		Path canary = rules.resolve("congressional-notification/canary.json");
		Files.writeString(canary,
				Files.readString(canary).replace("\"outcome\": \"REQUIRED\"", "\"outcome\": \"NOT_REQUIRED\""));
		assertThatThrownBy(() -> start(rules)).hasStackTraceContaining("Start-up canary decisions failed")
			.hasStackTraceContaining("congressional-notification=unexpected answer at /outcome");
	}

}
