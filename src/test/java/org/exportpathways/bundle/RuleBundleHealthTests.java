package org.exportpathways.bundle;

import org.exportpathways.kernel.RuleEngine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.exportpathways.TestBundle;
import org.exportpathways.bundle.Pack;
import org.exportpathways.bundle.ReferenceData;
import org.exportpathways.bundle.ReferenceDataLoader;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.kie.api.definition.rule.Rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Code health of the policy bundle: what a reviewer would otherwise have to check by eye.
 */
class RuleBundleHealthTests {

	@Nested
	class Rules {

		@Test
		void everyDrlCompilesWithoutWarnings() {
			assertThat(TestBundle.ENGINE.warnings()).isEmpty();
		}

		@Test
		void everyRuleCarriesAnIdAndACitationAndIdsAreUnique() {
			Set<String> ids = new HashSet<>();
			List<Rule> rules = TestBundle.ENGINE.rules();
			assertThat(rules).hasSizeGreaterThan(30);
			for (Rule rule : rules) {
				assertThat(rule.getMetaData()).as(rule.getName()).containsKeys("id", "citation");
				assertThat(String.valueOf(rule.getMetaData().get("citation"))).as(rule.getName()).isNotBlank();
				assertThat(ids.add(String.valueOf(rule.getMetaData().get("id")))).as("unique id of " + rule.getName())
					.isTrue();
			}
		}

		@Test
		void ruleNamesAreStablePascalCasePhrases() {
			assertThat(TestBundle.ENGINE.rules())
				.allSatisfy((r) -> assertThat(r.getName()).matches("[A-Z][A-Za-z0-9]+"));
		}

		@Test
		void eachDrlPackageMirrorsItsRegimeFolder() {
			Pattern pkg = Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE);
			for (BundleFile drl : TestBundle.BUNDLE.files("", ".drl")) {
				Matcher m = pkg.matcher(drl.text());
				assertThat(m.find()).as(drl.path()).isTrue();
				String folder = drl.path().substring(0, drl.path().indexOf('/'));
				assertThat(m.group(1)).as(drl.path()).isEqualTo("org.exportpathways.rules." + folder.replace('-', '_'));
			}
		}

		@Test
		void noRuleUsesSalienceOrEngineDateAttributes() {
			for (BundleFile drl : TestBundle.BUNDLE.files("", ".drl")) {
				assertThat(drl.text()).as(drl.path()).doesNotContain("salience", "date-effective", "date-expires");
			}
		}

		@Test
		void aBrokenDrlStopsTheBuildNamingFileAndLine() {
			List<BundleFile> files = new ArrayList<>(TestBundle.BUNDLE.files());
			files.add(new BundleFile("congressional-notification/broken.drl",
					"package org.exportpathways.rules.congressional_notification;\n\nrule \"Broken\"\nwhen\n  NoSuchFact( )\nthen\nend\n"
						.getBytes(StandardCharsets.UTF_8)));
			assertThatThrownBy(() -> new RuleEngine(new RuleBundle("test", files)))
				.isInstanceOf(RuleBundleException.class)
				.hasMessageContaining("rules/congressional-notification/broken.drl:")
				.hasMessageContaining("NoSuchFact");
		}

	}

	@Nested
	class Packaging {

		@Test
		void theBundleInTheJarIsTheRulesFolder() {
			RuleBundle packaged = RuleBundleLoader.fromClasspath();
			assertThat(packaged.contentHash()).isEqualTo(TestBundle.BUNDLE.contentHash());
		}

		@Test
		void theVersionIsSemverFromBundleYaml() {
			assertThat(TestBundle.DATA.bundleVersion()).matches("\\d+\\.\\d+\\.\\d+");
		}

		@Test
		void anyChangeToADecidingFileChangesTheHash() {
			for (String path : List.of("bundle.yaml", "reference/nato-members.csv",
					"congressional-notification/pack.yaml", "congressional-notification/10-recipient.drl",
					"congressional-notification/parameters/advance-notification.yaml",
					"congressional-notification/reference/aeca-nato-plus-5.csv",
					"dpa/reference/dpa-domestic-source.csv")) {
				assertThat(RuleBundle.decides(path)).as(path).isTrue();
				List<BundleFile> files = new ArrayList<>(TestBundle.BUNDLE.files());
				assertThat(files).as(path).anyMatch((f) -> f.path().equals(path));
				files.replaceAll((f) -> f.path().equals(path)
						? new BundleFile(f.path(), (f.text() + "\n").getBytes(StandardCharsets.UTF_8)) : f);
				assertThat(new RuleBundle("test", files).contentHash()).as(path)
					.isNotEqualTo(TestBundle.BUNDLE.contentHash());
			}
		}

		@Test
		void casesAndNotesDoNotDecide() {
			assertThat(RuleBundle.decides("congressional-notification/cases/dcs.yaml")).isFalse();
			assertThat(RuleBundle.decides("README.md")).isFalse();
		}

	}

	@Nested
	class ReferenceTables {

		@Test
		void everyParameterHasAReferenceAndAValue() {
			ReferenceData data = TestBundle.DATA;
			assertThat(data.parameters()).isNotEmpty();
			data.parameters().values().forEach((p) -> {
				assertThat(p.references()).as(p.id()).isNotEmpty();
				assertThat(p.values()).as(p.id()).isNotEmpty();
			});
		}

		@Test
		void anUnknownParameterKeyFailsTheLoad() {
			assertThatThrownBy(() -> load("congressional-notification/parameters/advance-notification.yaml",
					(t) -> t.replace("metadata:", "metadata:\n  refrence: []")))
				.hasMessageContaining("unknown key 'refrence'");
		}

		@Test
		void valueDatesMustAscend() {
			assertThatThrownBy(() -> load("congressional-notification/parameters/advance-notification.yaml",
					(t) -> t + "  2001-01-01: 10\n"))
				.hasMessageContaining("must ascend");
		}

		@Test
		void aParameterWithoutAReferenceFailsTheLoad() {
			assertThatThrownBy(() -> load("congressional-notification/parameters/advance-notification.yaml",
					(t) -> t.replaceAll("(?s)  reference:.*?values:", "values:")))
				.hasMessageContaining("'reference' is required");
		}

		@Test
		void aMembershipRowForAnUnknownCountryFailsTheLoad() {
			assertThatThrownBy(() -> load("reference/nato-members.csv", (t) -> t + "QQ,2030-01-01,,cite,source,\n"))
				.hasMessageContaining("'QQ' is not a country");
		}

		@Test
		void overlappingMembershipRowsFailTheLoad() {
			assertThatThrownBy(() -> load("reference/nato-members.csv", (t) -> t + "FI,2024-01-01,,cite,source,\n"))
				.hasMessageContaining("overlap");
		}

		@Test
		void aRowWithoutCitationFailsTheLoad() {
			assertThatThrownBy(() -> load("congressional-notification/reference/aeca-nato-plus-5.csv",
					(t) -> t + "GB,2030-01-01,,,source,\n"))
				.hasMessageContaining("citation");
		}

		@Test
		void aChangedHeaderFailsTheLoad() {
			assertThatThrownBy(() -> load("reference/nato-members.csv", (t) -> t.replace("effective_from", "from")))
				.hasMessageContaining("must end with");
		}

	}

	@Nested
	class Packs {

		static final Path RULES = TestBundle.RULES;

		@Test
		void everyPackFolderHasAPackYamlAndIsListedInBundleYaml() throws IOException {
			List<String> folders;
			try (Stream<Path> s = Files.list(RULES)) {
				folders = s.filter(Files::isDirectory)
					.map((p) -> p.getFileName().toString())
					.filter((n) -> !n.equals("reference"))
					.sorted()
					.toList();
			}
			assertThat(folders).isNotEmpty();
			for (String folder : folders) {
				assertThat(RULES.resolve(folder).resolve("pack.yaml")).as("pack.yaml of rules/" + folder + "/")
					.isRegularFile();
			}
			assertThat(TestBundle.DATA.packs()).extracting(Pack::name).containsExactlyInAnyOrderElementsOf(folders);
		}

		@Test
		void thePacksAreTheRegimesInBundleOrder() {
			assertThat(TestBundle.DATA.packs()).extracting(Pack::name)
				.containsExactly("congressional-notification", "itar", "ear", "procurement", "dpa", "jurisdiction");
		}

		@Test
		void everyTableAndParameterAPackDeclaresExists() {
			ReferenceData data = TestBundle.DATA;
			for (Pack pack : data.packs()) {
				assertThat(pack.tables()).as(pack.name() + " tables").contains("countries");
				for (String table : pack.tables()) {
					assertThat(tableFiles(table)).as(pack.name() + " needs table " + table).hasSize(1);
				}
				for (String parameter : pack.parameters()) {
					String id = pack.parameterId(parameter);
					assertThat(data.parameters().keySet()).as(pack.name() + " needs parameter " + parameter)
						.anyMatch((p) -> parameter.endsWith("/") ? p.startsWith(id) : p.equals(id));
				}
			}
		}

		@Test
		void everyTableIsSharedOnlyWhenMoreThanOnePackReadsIt() {
			for (BundleFile file : TestBundle.BUNDLE.files("", ".csv")) {
				String table = file.path().substring(file.path().lastIndexOf('/') + 1, file.path().length() - 4);
				String folder = file.path().substring(0, file.path().indexOf('/'));
				List<String> readers = TestBundle.DATA.packs()
					.stream()
					.filter((p) -> p.tables().contains(table))
					.map(Pack::name)
					.toList();
				if (folder.equals("reference")) {
					assertThat(readers).as("packs reading shared table " + file.path()).hasSizeGreaterThan(1);
				}
				else {
					assertThat(readers).as("packs reading " + file.path()).containsExactly(folder);
				}
			}
		}

		@Test
		void everyParameterOfAPackIsDeclaredByIt() {
			for (Pack pack : TestBundle.DATA.packs()) {
				List<String> ids = TestBundle.DATA.parameters()
					.keySet()
					.stream()
					.filter((id) -> id.startsWith(pack.name() + "/"))
					.toList();
				for (String id : ids) {
					assertThat(pack.parameters()).as(pack.name() + " declares " + id)
						.anyMatch((p) -> p.endsWith("/") ? id.startsWith(pack.parameterId(p))
								: id.equals(pack.parameterId(p)));
				}
			}
		}

		@Test
		void parameterIdsAreThePackThenThePathUnderItsParameters() {
			assertThat(TestBundle.DATA
				.parameter("congressional-notification/thresholds/fms/standard/major-defense-equipment")
				.file()).isEqualTo(
						"rules/congressional-notification/parameters/thresholds/fms/standard/major-defense-equipment.yaml");
			assertThat(TestBundle.DATA.parameters()).containsKey("procurement/buy-american/fallback-threshold");
		}

		@Test
		void coverageIsThePacksAndEachEndpointStartsAtTheLatestOfItsPacks() {
			ReferenceData data = TestBundle.DATA;
			assertThat(data.coversFrom("congressional-notification")).isEqualTo("2002-09-30");
			assertThat(data.coversFrom(List.of("itar", "ear"))).isEqualTo("2020-03-09");
			assertThat(data.coversFrom(List.of("procurement", "dpa"))).isEqualTo("2022-01-01");
		}

		@Test
		void anUnknownPackYamlKeyFailsTheLoadNamingTheFile() {
			assertThatThrownBy(() -> load("itar/pack.yaml", (t) -> t + "covrage: 2020-01-01\n"))
				.hasMessageContaining("rules/itar/pack.yaml")
				.hasMessageContaining("unknown key 'covrage'");
		}

		@Test
		void aPackYamlNamingAnotherFolderFailsTheLoad() {
			assertThatThrownBy(() -> load("dpa/pack.yaml", (t) -> t.replace("name: dpa", "name: procurement")))
				.hasMessageContaining("rules/dpa/pack.yaml");
		}

		@Test
		void aPackListedWithoutItsFolderFailsTheLoad() {
			assertThatThrownBy(() -> load("bundle.yaml", (t) -> t + "  - cfius\n")).hasMessageContaining("'cfius'")
				.hasMessageContaining("rules/cfius/");
		}

		@Test
		void aFolderOfRulesNotListedFailsTheLoad() {
			assertThatThrownBy(() -> load("bundle.yaml", (t) -> t.replace("  - dpa\n", "")))
				.hasMessageContaining("rules/dpa/")
				.hasMessageContaining("not a pack listed");
		}

		@Test
		void aFileOutOfPlaceFailsTheLoad() {
			assertThatThrownBy(() -> add("procurement/parameter/micro-purchase-threshold.yaml", "values: {}\n"))
				.hasMessageContaining("rules/procurement/parameter/micro-purchase-threshold.yaml");
			assertThatThrownBy(() -> add("parameters/procurement/micro-purchase-threshold.yaml", "values: {}\n"))
				.hasMessageContaining("not a pack listed");
		}

		@Test
		void aTableDefinedTwiceFailsTheLoadNamingBothFiles() {
			String csv = TestBundle.BUNDLE.file("reference/nato-members.csv").orElseThrow().text();
			assertThatThrownBy(() -> add("procurement/reference/nato-members.csv", csv))
				.hasMessageContaining("rules/reference/nato-members.csv")
				.hasMessageContaining("rules/procurement/reference/nato-members.csv");
		}

		@Test
		void aDeclaredTableThatDoesNotExistFailsTheLoadNamingThePack() {
			assertThatThrownBy(() -> load("ear/pack.yaml",
					(t) -> t.replace("ear-chart-columns]", "ear-chart-columns, ear-entity-list]")))
				.hasMessageContaining("pack ear")
				.hasMessageContaining("ear-entity-list");
		}

		@Test
		void aDeclaredTableOfAnotherPackFailsTheLoad() {
			assertThatThrownBy(
					() -> load("dpa/pack.yaml", (t) -> t.replace("dpa-domestic-source]", "dpa-domestic-source, sosa]")))
				.hasMessageContaining("pack dpa")
				.hasMessageContaining("rules/procurement/reference/sosa.csv");
		}

		@Test
		void aDeclaredParameterThatDoesNotExistFailsTheLoadNamingThePack() {
			assertThatThrownBy(() -> load("procurement/pack.yaml",
					(t) -> t.replace("micro-purchase-threshold,", "micro-purchase-treshold,")))
				.hasMessageContaining("pack procurement")
				.hasMessageContaining("micro-purchase-treshold");
			assertThatThrownBy(() -> load("congressional-notification/pack.yaml",
					(t) -> t.replace("review-periods/", "review-period/")))
				.hasMessageContaining("pack congressional-notification")
				.hasMessageContaining("review-period/");
		}

		@Test
		void aPackYamlWithoutCoverageFailsTheLoad() {
			assertThatThrownBy(() -> load("ear/pack.yaml", (t) -> t.replace("coverage: 2020-03-09\n", "")))
				.hasMessageContaining("rules/ear/pack.yaml")
				.hasMessageContaining("'coverage' is required");
		}

		private List<BundleFile> tableFiles(String table) {
			return TestBundle.BUNDLE.files()
				.stream()
				.filter((f) -> f.path().equals("reference/" + table + ".csv")
						|| f.path().endsWith("/reference/" + table + ".csv"))
				.toList();
		}

		private ReferenceData add(String path, String content) {
			List<BundleFile> files = new ArrayList<>(TestBundle.BUNDLE.files());
			files.add(new BundleFile(path, content.getBytes(StandardCharsets.UTF_8)));
			return ReferenceDataLoader.load(new RuleBundle("test", files));
		}

	}

	private static ReferenceData load(String path, java.util.function.UnaryOperator<String> edit) {
		List<BundleFile> files = new ArrayList<>(TestBundle.BUNDLE.files());
		assertThat(files).as(path).anyMatch((f) -> f.path().equals(path));
		files.replaceAll((f) -> f.path().equals(path)
				? new BundleFile(f.path(), edit.apply(f.text()).getBytes(StandardCharsets.UTF_8)) : f);
		String edited = files.stream().filter((f) -> f.path().equals(path)).findFirst().orElseThrow().text();
		assertThat(edited).as("the edit changes " + path)
			.isNotEqualTo(TestBundle.BUNDLE.file(path).orElseThrow().text());
		return ReferenceDataLoader.load(new RuleBundle("test", files));
	}

}
