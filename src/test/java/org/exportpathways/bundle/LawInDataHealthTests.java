package org.exportpathways.bundle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.exportpathways.TestBundle;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Law lives in data, not in code: no country code, year, date, percentage or legal
 * citation written into a rule or a service. Such values are dated, cited rows of
 * {@code rules/reference/*.csv} or parameters of {@code rules/parameters/}. Comments are
 * free text, and rule metadata ({@code @citation("87 FR 12345 (2022)")}) is where a
 * rule's citation belongs, so both are skipped.
 */
class LawInDataHealthTests {

	/**
	 * Two capital letters in quotes that are not country codes where they appear, each
	 * with the reason.
	 */
	static final Map<String, String> NOT_COUNTRIES = Map.of("NO", "the DPA answer YES/NO, not Norway");

	/**
	 * Java files allowed to spell a country code: the named constant of the exporting
	 * country itself.
	 */
	static final Set<String> COUNTRY_CONSTANTS = Set.of("org/exportpathways/domain/UnitedStates.java");

	static final Pattern QUOTED_CODE = Pattern.compile("\"([A-Z]{2})\"");

	static final Pattern YEAR = Pattern.compile("(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])");

	static final Pattern PERCENT = Pattern.compile("(?<![0-9A-Za-z])[0-9]+(?:\\.[0-9]+)?\\s*%");

	static final Pattern LITERAL_DATE = Pattern.compile("LocalDate\\s*\\.\\s*(?:of|parse)\\s*\\(\\s*\"?[0-9]");

	static final Pattern CITATION = Pattern
		.compile("[0-9]+ (?:CFR|U\\.S\\.C\\.|FR) [0-9]|\\b(?:DFARS|FAR) [0-9]+\\.[0-9]|P\\.L\\. [0-9]");

	static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\\\n]|\\\\.)*\"");

	@Nested
	class Rules {

		@Test
		void noDrlSpellsACountryCodeAYearOrAPercentage() {
			List<String> found = new ArrayList<>();
			for (BundleFile drl : TestBundle.BUNDLE.files("", ".drl")) {
				String code = withoutMetadata(withoutComments(drl.text()));
				// in DRL any quoted two-letter capitals are refused, country or not: a
				// token that reads like a
				// country code (CJ, UN, NO) is spelled out or named as a constant instead
				matches(drl.displayPath(), code, QUOTED_CODE, "two-letter code", found);
				matches(drl.displayPath(), code, YEAR, "year", found);
				matches(drl.displayPath(), code, PERCENT, "percentage", found);
			}
			assertThat(found).as("values that belong in rules/reference or rules/parameters").isEmpty();
		}

		@Test
		void theCheckSeesLiteralsInConditionsAndMessagesButNotInCommentsOrMetadata() {
			String drl = """
					// China ("CN") since 2020
					rule "X"
					    @citation("87 FR 12345 (2022); 15 CFR 744.21")
					when
					    Transfer( destination == "CN", reason == "UN" ) /* "RU" 2021 */
					then
					    explain( "since 2023-12-22 at 55%" );
					end
					""";
			List<String> found = new ArrayList<>();
			String code = withoutMetadata(withoutComments(drl));
			matches("x.drl", code, QUOTED_CODE, "two-letter code", found);
			matches("x.drl", code, YEAR, "year", found);
			matches("x.drl", code, PERCENT, "percentage", found);
			assertThat(found).containsExactly("x.drl:5: two-letter code \"CN\"", "x.drl:5: two-letter code \"UN\"",
					"x.drl:7: year 2023", "x.drl:7: percentage 55%");
		}

	}

	@Nested
	class JavaSources {

		@Test
		void noServiceSpellsACountryCodeALiteralDateOrACitation() throws IOException {
			Path root = Path.of("src/main/java");
			List<String> found = new ArrayList<>();
			try (Stream<Path> files = Files.walk(root)) {
				for (Path file : files.filter((f) -> f.toString().endsWith(".java")).sorted().toList()) {
					String name = root.relativize(file).toString().replace('\\', '/');
					String code = withoutComments(Files.readString(file, StandardCharsets.UTF_8));
					if (!COUNTRY_CONSTANTS.contains(name)) {
						countryCodes(name, code, found);
					}
					matches(name, code, LITERAL_DATE, "literal date", found);
					Matcher s = STRING.matcher(code);
					while (s.find()) {
						Matcher c = CITATION.matcher(s.group());
						if (c.find()) {
							found.add(name + ":" + line(code, s.start()) + ": citation " + s.group());
						}
					}
				}
			}
			assertThat(found).as("values that belong in rules/reference, rules/parameters or rule metadata").isEmpty();
		}

		@Test
		void theCheckSeesCodesDatesAndCitationsInCode() {
			String java = """
					// "CN" in a comment is free text: 15 CFR 744.21
					if ("VE".equals(d) && asOf.isAfter(LocalDate.of(2020, 6, 29))) {
					    return "22 CFR 126.1";
					}
					""";
			List<String> found = new ArrayList<>();
			String code = withoutComments(java);
			countryCodes("X.java", code, found);
			matches("X.java", code, LITERAL_DATE, "literal date", found);
			Matcher s = STRING.matcher(code);
			while (s.find()) {
				if (CITATION.matcher(s.group()).find()) {
					found.add("X.java:" + line(code, s.start()) + ": citation " + s.group());
				}
			}
			assertThat(found).containsExactly("X.java:2: country code \"VE\"", "X.java:2: literal date LocalDate.of(2",
					"X.java:3: citation \"22 CFR 126.1\"");
		}

	}

	private static void countryCodes(String file, String code, List<String> found) {
		Matcher m = QUOTED_CODE.matcher(code);
		while (m.find()) {
			if (TestBundle.DATA.isCountry(m.group(1)) && !NOT_COUNTRIES.containsKey(m.group(1))) {
				found.add(file + ":" + line(code, m.start()) + ": country code " + m.group());
			}
		}
	}

	private static void matches(String file, String code, Pattern pattern, String what, List<String> found) {
		Matcher m = pattern.matcher(code);
		while (m.find()) {
			found.add(file + ":" + line(code, m.start()) + ": " + what + " " + m.group());
		}
	}

	private static int line(String text, int offset) {
		int line = 1;
		for (int i = 0; i < offset; i++) {
			if (text.charAt(i) == '\n') {
				line++;
			}
		}
		return line;
	}

	/**
	 * The text with comments blanked (line breaks kept, so line numbers hold); string and
	 * char literals kept.
	 */
	static String withoutComments(String text) {
		StringBuilder out = new StringBuilder(text.length());
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (c == '"' || c == '\'') {
				int end = i + 1;
				while (end < text.length() && text.charAt(end) != c && text.charAt(end) != '\n') {
					end += (text.charAt(end) == '\\') ? 2 : 1;
				}
				end = Math.min(end + 1, text.length());
				out.append(text, i, end);
				i = end;
			}
			else if (text.startsWith("//", i)) {
				while (i < text.length() && text.charAt(i) != '\n') {
					out.append(' ');
					i++;
				}
			}
			else if (text.startsWith("/*", i)) {
				int end = text.indexOf("*/", i + 2);
				end = (end < 0) ? text.length() : end + 2;
				for (; i < end; i++) {
					out.append((text.charAt(i) == '\n') ? '\n' : ' ');
				}
			}
			else {
				out.append(c);
				i++;
			}
		}
		return out.toString();
	}

	/**
	 * The DRL with rule metadata ({@code @id(...)}, {@code @citation(...)}, ...) blanked.
	 */
	static String withoutMetadata(String drl) {
		StringBuilder out = new StringBuilder(drl);
		Matcher m = Pattern.compile("@\\w+\\s*\\(").matcher(drl);
		int from = 0;
		while (m.find(from)) {
			int depth = 0;
			int i = m.end() - 1;
			boolean quoted = false;
			for (; i < drl.length(); i++) {
				char c = drl.charAt(i);
				if (quoted) {
					if (c == '\\') {
						i++;
					}
					else if (c == '"') {
						quoted = false;
					}
				}
				else if (c == '"') {
					quoted = true;
				}
				else if (c == '(') {
					depth++;
				}
				else if (c == ')' && --depth == 0) {
					break;
				}
			}
			for (int j = m.start(); j <= Math.min(i, drl.length() - 1); j++) {
				if (out.charAt(j) != '\n') {
					out.setCharAt(j, ' ');
				}
			}
			from = Math.min(i + 1, drl.length());
		}
		return out.toString();
	}

}
