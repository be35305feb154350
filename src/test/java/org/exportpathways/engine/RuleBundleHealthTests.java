package org.exportpathways.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.exportpathways.TestBundle;
import org.exportpathways.reference.ReferenceData;
import org.exportpathways.reference.ReferenceDataLoader;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.kie.api.definition.rule.Rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Code health of the policy bundle: what a reviewer would otherwise have to check by eye. */
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
			assertThat(TestBundle.ENGINE.rules()).allSatisfy(
					(r) -> assertThat(r.getName()).matches("[A-Z][A-Za-z0-9]+"));
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
			List<BundleFile> files = new ArrayList<>(TestBundle.BUNDLE.files());
			files.replaceAll((f) -> f.path().equals("reference/nato-members.csv")
					? new BundleFile(f.path(), (f.text() + "\n").getBytes(StandardCharsets.UTF_8)) : f);
			assertThat(new RuleBundle("test", files).contentHash()).isNotEqualTo(TestBundle.BUNDLE.contentHash());
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
			assertThatThrownBy(() -> load("parameters/congressional-notification/advance-notification.yaml",
					(t) -> t.replace("metadata:", "metadata:\n  refrence: []")))
				.hasMessageContaining("unknown key 'refrence'");
		}

		@Test
		void valueDatesMustAscend() {
			assertThatThrownBy(() -> load("parameters/congressional-notification/advance-notification.yaml",
					(t) -> t + "  2001-01-01: 10\n"))
				.hasMessageContaining("must ascend");
		}

		@Test
		void aParameterWithoutAReferenceFailsTheLoad() {
			assertThatThrownBy(() -> load("parameters/congressional-notification/advance-notification.yaml",
					(t) -> t.replaceAll("(?s)  reference:.*?values:", "values:")))
				.hasMessageContaining("'reference' is required");
		}

		@Test
		void aMembershipRowForAnUnknownCountryFailsTheLoad() {
			assertThatThrownBy(() -> load("reference/nato-members.csv",
					(t) -> t + "QQ,2030-01-01,,cite,source,\n"))
				.hasMessageContaining("'QQ' is not a country");
		}

		@Test
		void overlappingMembershipRowsFailTheLoad() {
			assertThatThrownBy(() -> load("reference/nato-members.csv",
					(t) -> t + "FI,2024-01-01,,cite,source,\n"))
				.hasMessageContaining("overlap");
		}

		@Test
		void aRowWithoutCitationFailsTheLoad() {
			assertThatThrownBy(() -> load("reference/aeca-nato-plus-5.csv", (t) -> t + "GB,2030-01-01,,,source,\n"))
				.hasMessageContaining("citation");
		}

		@Test
		void aChangedHeaderFailsTheLoad() {
			assertThatThrownBy(() -> load("reference/nato-members.csv", (t) -> t.replace("effective_from", "from")))
				.hasMessageContaining("must end with");
		}

		private ReferenceData load(String path, java.util.function.UnaryOperator<String> edit) {
			List<BundleFile> files = new ArrayList<>(TestBundle.BUNDLE.files());
			files.replaceAll((f) -> f.path().equals(path)
					? new BundleFile(f.path(), edit.apply(f.text()).getBytes(StandardCharsets.UTF_8)) : f);
			return ReferenceDataLoader.load(new RuleBundle("test", files));
		}

	}

}
