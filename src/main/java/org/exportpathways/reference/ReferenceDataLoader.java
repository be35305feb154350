package org.exportpathways.reference;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.exportpathways.engine.BundleFile;
import org.exportpathways.engine.RuleBundle;
import org.exportpathways.engine.RuleBundleException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Loads and checks the reference data of a bundle. Strict: an unknown key or column, a date out of order, a row
 * without a citation, or a country code not in ISO 3166-1 fails the load rather than being dropped silently.
 */
public final class ReferenceDataLoader {

	/** Every dated table ends with these columns. */
	static final List<String> DATED_COLUMNS = List.of("effective_from", "effective_to", "citation", "source", "note");

	/** Columns that identify a row's subject: rows with the same key must not overlap in time. */
	static final Set<String> KEY_COLUMNS = Set.of("iso2", "group", "eccn", "exemption", "category", "scope", "control_row", "column");

	static final List<String> COUNTRY_COLUMNS = List.of("iso2", "name", "effective_from", "effective_to", "citation",
			"source");

	static final List<String> CPI_COLUMNS = List.of("year", "value", "citation", "source", "note");

	private static final ObjectMapper YAML = YAMLMapper.builder().build();

	private ReferenceDataLoader() {
	}

	public static ReferenceData load(RuleBundle bundle) {
		Map<String, Object> descriptor = yaml(bundle.file("bundle.yaml")
			.orElseThrow(() -> new RuleBundleException("rules/bundle.yaml is missing")));
		checkKeys("rules/bundle.yaml", descriptor, Set.of("name", "version", "coverage"),
				Set.of("name", "version", "coverage"));
		String version = String.valueOf(descriptor.get("version"));
		if (!version.matches("\\d+\\.\\d+\\.\\d+")) {
			throw new RuleBundleException("rules/bundle.yaml: version '" + version + "' is not semver (x.y.z)");
		}
		if (!(descriptor.get("coverage") instanceof Map<?, ?> cov) || cov.isEmpty()) {
			throw new RuleBundleException("rules/bundle.yaml: coverage must map each regime to its first date");
		}
		Map<String, LocalDate> coverage = new HashMap<>();
		cov.forEach((k, v) -> coverage.put(String.valueOf(k),
				date("rules/bundle.yaml", "coverage." + k, String.valueOf(v))));

		Map<String, String> countries = new LinkedHashMap<>();
		BundleFile countryFile = bundle.file("reference/countries.csv")
			.orElseThrow(() -> new RuleBundleException("rules/reference/countries.csv is missing"));
		for (Map<String, String> row : CsvTable.read(countryFile, COUNTRY_COLUMNS)) {
			requireCited(countryFile, row);
			if (countries.put(row.get("iso2"), row.get("name")) != null) {
				throw new RuleBundleException(where(countryFile, row) + ": duplicate country " + row.get("iso2"));
			}
		}

		Map<String, List<DatedRecord>> lists = new HashMap<>();
		TreeMap<Integer, BigDecimal> cpi = new TreeMap<>();
		for (BundleFile file : bundle.files("reference/", ".csv")) {
			String name = file.path().substring("reference/".length(), file.path().length() - ".csv".length());
			if (name.equals("countries")) {
				continue;
			}
			if (name.equals("cpi-u")) {
				loadCpi(file, cpi);
				continue;
			}
			lists.put(name, loadTable(name, file, countries));
		}
		if (cpi.isEmpty()) {
			throw new RuleBundleException("rules/reference/cpi-u.csv is missing or empty");
		}

		Map<String, Parameter> parameters = new HashMap<>();
		for (BundleFile file : bundle.files("parameters/", ".yaml")) {
			Parameter p = loadParameter(file);
			parameters.put(p.id(), p);
		}
		return new ReferenceData(version, coverage, countries, lists, parameters, cpi);
	}

	private static List<DatedRecord> loadTable(String name, BundleFile file, Map<String, String> countries) {
		List<String> header = CsvTable.header(file);
		if (header.size() <= DATED_COLUMNS.size()
				|| !header.subList(header.size() - DATED_COLUMNS.size(), header.size()).equals(DATED_COLUMNS)) {
			throw new RuleBundleException(file.displayPath() + ": a dated table's header must end with " + DATED_COLUMNS);
		}
		List<String> own = header.subList(0, header.size() - DATED_COLUMNS.size());
		List<String> keys = own.stream().filter(KEY_COLUMNS::contains).toList();
		if (keys.isEmpty()) {
			throw new RuleBundleException(file.displayPath() + ": no key column (one of " + KEY_COLUMNS + ")");
		}
		List<DatedRecord> rows = new ArrayList<>();
		Map<String, LocalDate> lastEnd = new HashMap<>();
		for (Map<String, String> row : CsvTable.read(file, header)) {
			String where = where(file, row);
			if (own.contains("iso2") && !countries.containsKey(row.get("iso2"))) {
				throw new RuleBundleException(where + ": '" + row.get("iso2") + "' is not a country of reference/countries.csv");
			}
			requireCited(file, row);
			LocalDate from = optionalDate(where, "effective_from", row.get("effective_from"));
			LocalDate to = optionalDate(where, "effective_to", row.get("effective_to"));
			if (from != null && to != null && !from.isBefore(to)) {
				throw new RuleBundleException(where + ": effective_to " + to + " is not after effective_from " + from);
			}
			String key = String.join("|", keys.stream().map(row::get).toList());
			if (lastEnd.containsKey(key)) {
				LocalDate prevEnd = lastEnd.get(key);
				if (prevEnd == null || from == null || from.isBefore(prevEnd)) {
					throw new RuleBundleException(where + ": rows for " + key + " overlap or are not in date order");
				}
			}
			lastEnd.put(key, to);
			Map<String, String> values = new LinkedHashMap<>();
			own.forEach((c) -> values.put(c, row.get(c)));
			rows.add(new DatedRecord(name, Map.copyOf(values), from, to, row.get("citation"), row.get("source"),
					row.get("note")));
		}
		return List.copyOf(rows);
	}

	private static void loadCpi(BundleFile file, TreeMap<Integer, BigDecimal> cpi) {
		Integer previous = null;
		for (Map<String, String> row : CsvTable.read(file, CPI_COLUMNS)) {
			String where = where(file, row);
			requireCited(file, row);
			try {
				int year = Integer.parseInt(row.get("year"));
				if (previous != null && year != previous + 1) {
					throw new RuleBundleException(where + ": years must ascend without gaps (" + previous + " then " + year + ")");
				}
				cpi.put(year, new BigDecimal(row.get("value")));
				previous = year;
			}
			catch (NumberFormatException ex) {
				throw new RuleBundleException(where + ": year and value must be numbers");
			}
		}
	}

	@SuppressWarnings("unchecked")
	static Parameter loadParameter(BundleFile file) {
		String where = file.displayPath();
		String id = file.path().substring("parameters/".length(), file.path().length() - ".yaml".length());
		Map<String, Object> doc = yaml(file);
		checkKeys(where, doc, Set.of("description", "metadata", "values"), Set.of("description", "metadata", "values"));
		if (!(doc.get("metadata") instanceof Map<?, ?> meta) || !(doc.get("values") instanceof Map<?, ?> values)) {
			throw new RuleBundleException(where + ": metadata and values must be mappings");
		}
		checkKeys(where + " metadata", (Map<String, Object>) meta, Set.of("unit", "reference", "note"),
				Set.of("unit", "reference"));
		if (!(meta.get("reference") instanceof List<?> refs) || refs.isEmpty()) {
			throw new RuleBundleException(where + ": metadata.reference must list at least one legal reference");
		}
		List<Parameter.Reference> references = new ArrayList<>();
		for (Object r : refs) {
			if (!(r instanceof Map<?, ?> ref)) {
				throw new RuleBundleException(where + ": each reference needs a title and an href");
			}
			checkKeys(where + " reference", (Map<String, Object>) ref, Set.of("title", "href"), Set.of("title", "href"));
			references.add(new Parameter.Reference(String.valueOf(ref.get("title")), String.valueOf(ref.get("href"))));
		}
		List<Parameter.Value> list = new ArrayList<>();
		LocalDate previous = null;
		for (Map.Entry<?, ?> e : values.entrySet()) {
			LocalDate from = date(where, "values", String.valueOf(e.getKey()));
			if (previous != null && !from.isAfter(previous)) {
				throw new RuleBundleException(where + ": value dates must ascend (" + previous + " then " + from + ")");
			}
			previous = from;
			Object v = e.getValue();
			Integer baseYear = null;
			if (v instanceof Map<?, ?> m) {
				checkKeys(where + " value " + from, (Map<String, Object>) m, Set.of("value", "base_year", "note"),
						Set.of("value"));
				baseYear = (m.get("base_year") != null) ? Integer.valueOf(String.valueOf(m.get("base_year"))) : null;
				v = m.get("value");
			}
			BigDecimal amount = null;
			if (v != null) {
				try {
					amount = new BigDecimal(String.valueOf(v));
				}
				catch (NumberFormatException ex) {
					throw new RuleBundleException(where + ": value at " + from + " is not a number: " + v);
				}
			}
			list.add(new Parameter.Value(from, amount, (baseYear != null) ? baseYear : from.getYear()));
		}
		if (list.isEmpty()) {
			throw new RuleBundleException(where + ": no values");
		}
		return new Parameter(id, String.valueOf(doc.get("description")), String.valueOf(meta.get("unit")),
				List.copyOf(references), List.copyOf(list));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> yaml(BundleFile file) {
		try {
			Object doc = YAML.readValue(file.content(), Object.class);
			if (!(doc instanceof Map<?, ?>)) {
				throw new RuleBundleException(file.displayPath() + ": expected a YAML mapping");
			}
			return (Map<String, Object>) doc;
		}
		catch (RuleBundleException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw new RuleBundleException(file.displayPath() + ": not valid YAML: " + ex.getMessage(), ex);
		}
	}

	private static void checkKeys(String where, Map<String, Object> map, Set<String> allowed, Set<String> required) {
		for (String key : map.keySet()) {
			if (!allowed.contains(key)) {
				throw new RuleBundleException(where + ": unknown key '" + key + "' (allowed: " + allowed + ")");
			}
		}
		for (String key : required) {
			if (map.get(key) == null) {
				throw new RuleBundleException(where + ": '" + key + "' is required");
			}
		}
	}

	private static void requireCited(BundleFile file, Map<String, String> row) {
		if (row.get("citation").isBlank() || row.get("source").isBlank()) {
			throw new RuleBundleException(where(file, row) + ": every row needs a citation and a source");
		}
	}

	private static String where(BundleFile file, Map<String, String> row) {
		return file.displayPath() + ":" + row.get("#line");
	}

	private static LocalDate optionalDate(String where, String field, String text) {
		return text.isBlank() ? null : date(where, field, text);
	}

	private static LocalDate date(String where, String field, String text) {
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw new RuleBundleException(where + ": " + field + " '" + text + "' is not a date (yyyy-mm-dd)");
		}
	}

}
