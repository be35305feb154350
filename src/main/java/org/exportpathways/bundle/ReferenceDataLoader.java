package org.exportpathways.bundle;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.exportpathways.bundle.BundleFile;
import org.exportpathways.bundle.RuleBundle;
import org.exportpathways.bundle.RuleBundleException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Loads and checks the reference data of a bundle: {@code bundle.yaml} and the packs it
 * lists, each pack's {@code pack.yaml}, the tables (found by name in {@code reference/}
 * and the packs' {@code reference/}) and the parameters (id
 * {@code <pack>/<path under the pack's parameters/>}). Strict: an unknown key or column,
 * a file out of place, a pack not listed or listed without its folder, a table defined
 * twice, a declared table or parameter that does not exist, a date out of order, a row
 * without a citation, or a country code not in ISO 3166-1 fails the load rather than
 * being dropped silently.
 */
public final class ReferenceDataLoader {

	/** Every dated table ends with these columns. */
	static final List<String> DATED_COLUMNS = List.of("effective_from", "effective_to", "citation", "source", "note");

	/**
	 * Columns that identify a row's subject: rows with the same key must not overlap in
	 * time.
	 */
	static final Set<String> KEY_COLUMNS = Set.of("iso2", "group", "eccn", "exemption", "category", "scope", "question",
			"control_row", "column");

	static final List<String> COUNTRY_COLUMNS = List.of("iso2", "name", "effective_from", "effective_to", "citation",
			"source");

	static final List<String> CPI_COLUMNS = List.of("year", "value", "citation", "source", "note");

	/** The folder of the shared tables; every other folder is a pack. */
	static final String SHARED = "reference";

	static final String PACK_NAME = "[a-z0-9]+(-[a-z0-9]+)*";

	static final String PACK_FILE = "pack.yaml";

	/**
	 * A pack's canary: one real decision run at start-up and by readiness (see the web
	 * layer).
	 */
	static final String CANARY_FILE = "canary.json";

	static final String PARAMETERS = "parameters/";

	static final String REFERENCE = "reference/";

	static final String CASES = "cases/";

	static final String COUNTRIES = "countries";

	static final String CPI_U = "cpi-u";

	private static final ObjectMapper YAML = YAMLMapper.builder().build();

	private ReferenceDataLoader() {
	}

	public static ReferenceData load(RuleBundle bundle) {
		Map<String, Object> descriptor = yaml(
				bundle.file("bundle.yaml").orElseThrow(() -> new RuleBundleException("rules/bundle.yaml is missing")));
		checkKeys("rules/bundle.yaml", descriptor, Set.of("name", "version", "packs"),
				Set.of("name", "version", "packs"));
		String version = String.valueOf(descriptor.get("version"));
		if (!version.matches("\\d+\\.\\d+\\.\\d+")) {
			throw new RuleBundleException("rules/bundle.yaml: version '" + version + "' is not semver (x.y.z)");
		}
		List<String> packNames = strings("rules/bundle.yaml", "packs", descriptor.get("packs"));
		if (packNames.isEmpty()) {
			throw new RuleBundleException("rules/bundle.yaml: packs must list the regime packs (folders) in order");
		}
		for (String name : packNames) {
			if (!name.matches(PACK_NAME) || name.equals(SHARED)) {
				throw new RuleBundleException("rules/bundle.yaml: '" + name + "' is not a pack folder name ("
						+ PACK_NAME + ", not " + SHARED + ")");
			}
		}
		checkLayout(bundle, packNames);

		Map<String, BundleFile> tableFiles = new LinkedHashMap<>();
		for (BundleFile file : bundle.files()) {
			if (tableName(file) != null) {
				BundleFile other = tableFiles.put(tableName(file), file);
				if (other != null) {
					throw new RuleBundleException(
							"Table " + tableName(file) + " is defined twice: " + other.displayPath() + " and "
									+ file.displayPath() + " (table names are unique across the bundle)");
				}
			}
		}

		Map<String, String> countries = new LinkedHashMap<>();
		BundleFile countryFile = Optional.ofNullable(tableFiles.get(COUNTRIES))
			.orElseThrow(() -> new RuleBundleException("rules/reference/countries.csv is missing"));
		for (Map<String, String> row : CsvTable.read(countryFile, COUNTRY_COLUMNS)) {
			requireCited(countryFile, row);
			if (countries.put(row.get("iso2"), row.get("name")) != null) {
				throw new RuleBundleException(where(countryFile, row) + ": duplicate country " + row.get("iso2"));
			}
		}

		Map<String, List<DatedRecord>> lists = new HashMap<>();
		TreeMap<Integer, BigDecimal> cpi = new TreeMap<>();
		for (Map.Entry<String, BundleFile> e : tableFiles.entrySet()) {
			if (e.getKey().equals(COUNTRIES)) {
				continue;
			}
			if (e.getKey().equals(CPI_U)) {
				loadCpi(e.getValue(), cpi);
				continue;
			}
			lists.put(e.getKey(), loadTable(e.getKey(), e.getValue(), countries));
		}
		if (cpi.isEmpty()) {
			throw new RuleBundleException("The cpi-u table (rules/<pack>/reference/cpi-u.csv) is missing or empty");
		}

		Map<String, Parameter> parameters = new HashMap<>();
		for (String pack : packNames) {
			for (BundleFile file : bundle.files(pack + "/" + PARAMETERS, ".yaml")) {
				String rel = file.path()
					.substring((pack + "/" + PARAMETERS).length(), file.path().length() - ".yaml".length());
				Parameter p = loadParameter(file, pack + "/" + rel);
				parameters.put(p.id(), p);
			}
		}

		List<Pack> packs = new ArrayList<>();
		for (String name : packNames) {
			BundleFile file = bundle.file(name + "/" + PACK_FILE)
				.orElseThrow(() -> new RuleBundleException("rules/bundle.yaml lists pack '" + name + "' but rules/"
						+ name + "/" + PACK_FILE + " is missing"));
			packs.add(loadPack(file, name, tableFiles, parameters.keySet()));
		}
		return new ReferenceData(version, packs, countries, lists, parameters, cpi);
	}

	/**
	 * Every file of the bundle has its place: {@code bundle.yaml}, shared tables in
	 * {@code reference/}, and in each listed pack its {@code pack.yaml}, rules,
	 * parameters, tables and cases. A stray file would otherwise be ignored silently (a
	 * parameter in a misspelled folder, the rules of a pack nobody listed). Markdown
	 * notes and hidden files are allowed anywhere.
	 */
	static void checkLayout(RuleBundle bundle, List<String> packNames) {
		Set<String> withRules = new HashSet<>();
		Set<String> withCanary = new HashSet<>();
		for (BundleFile file : bundle.files()) {
			String path = file.path();
			if (path.endsWith(".md") || path.startsWith(".") || path.contains("/.")) {
				continue;
			}
			int slash = path.indexOf('/');
			if (slash < 0) {
				if (!path.equals("bundle.yaml")) {
					throw new RuleBundleException(file.displayPath() + ": unexpected file at the bundle root (only "
							+ "bundle.yaml, the packs' folders and reference/)");
				}
				continue;
			}
			String top = path.substring(0, slash);
			String rest = path.substring(slash + 1);
			if (top.equals(SHARED)) {
				if (rest.contains("/") || !rest.endsWith(".csv")) {
					throw new RuleBundleException(
							file.displayPath() + ": rules/reference/ holds only the shared tables (*.csv)");
				}
				continue;
			}
			if (!packNames.contains(top)) {
				throw new RuleBundleException(file.displayPath() + ": rules/" + top + "/ is not a pack listed in "
						+ "rules/bundle.yaml (packs: " + packNames + ")");
			}
			boolean placed = rest.equals(PACK_FILE) || rest.equals(CANARY_FILE)
					|| (!rest.contains("/") && rest.endsWith(".drl"))
					|| (rest.startsWith(PARAMETERS) && rest.endsWith(".yaml"))
					|| (rest.startsWith(REFERENCE) && !rest.substring(REFERENCE.length()).contains("/")
							&& rest.endsWith(".csv"))
					|| (rest.startsWith(CASES) && !rest.substring(CASES.length()).contains("/")
							&& rest.endsWith(".yaml"));
			if (!placed) {
				throw new RuleBundleException(
						file.displayPath() + ": not part of a pack's layout (pack.yaml, canary.json, *.drl, "
								+ "parameters/**/*.yaml, reference/*.csv, cases/*.yaml)");
			}
			if (rest.endsWith(".drl")) {
				withRules.add(top);
			}
			if (rest.equals(CANARY_FILE)) {
				withCanary.add(top);
			}
		}
		for (String pack : packNames) {
			if (!withRules.contains(pack)) {
				throw new RuleBundleException(
						"rules/bundle.yaml lists pack '" + pack + "' but rules/" + pack + "/ holds no rules (*.drl)");
			}
			if (!withCanary.contains(pack)) {
				throw new RuleBundleException("rules/" + pack + "/" + CANARY_FILE
						+ " is missing: every pack has one real " + "decision that start-up and readiness run");
			}
		}
	}

	/**
	 * The name of the table a file holds ({@code countries} for
	 * {@code reference/countries.csv}), or null.
	 */
	private static String tableName(BundleFile file) {
		String path = file.path();
		if (!path.endsWith(".csv")) {
			return null;
		}
		String folder = path.substring(0, path.lastIndexOf('/') + 1);
		if (!folder.equals(REFERENCE) && !folder.endsWith("/" + REFERENCE)) {
			return null;
		}
		return path.substring(folder.length(), path.length() - ".csv".length());
	}

	private static Pack loadPack(BundleFile file, String folder, Map<String, BundleFile> tables,
			Set<String> parameterIds) {
		String where = file.displayPath();
		Map<String, Object> doc = yaml(file);
		Set<String> keys = Set.of("name", "title", "coverage", "tables", "parameters", "reports", "scope");
		checkKeys(where, doc, keys, keys);
		String name = String.valueOf(doc.get("name"));
		if (!name.equals(folder)) {
			throw new RuleBundleException(where + ": name '" + name + "' is not its folder's name '" + folder + "'");
		}
		LocalDate coverage = date(where, "coverage", String.valueOf(doc.get("coverage")));
		List<String> tableNames = strings(where, "tables", doc.get("tables"));
		for (String table : tableNames) {
			BundleFile csv = tables.get(table);
			if (csv == null) {
				throw new RuleBundleException(where + ": pack " + name + " needs table '" + table
						+ "', which is in neither rules/reference/ nor rules/" + name + "/reference/");
			}
			String owner = csv.path().substring(0, csv.path().indexOf('/'));
			if (!owner.equals(SHARED) && !owner.equals(name)) {
				throw new RuleBundleException(where + ": pack " + name + " needs table '" + table + "' of pack " + owner
						+ " (" + csv.displayPath()
						+ "); a table read by more than one pack belongs in rules/reference/");
			}
		}
		List<String> parameterNames = strings(where, "parameters", doc.get("parameters"));
		for (String parameter : parameterNames) {
			String id = name + "/" + parameter;
			boolean found = parameter.endsWith("/") ? parameterIds.stream().anyMatch((p) -> p.startsWith(id))
					: parameterIds.contains(id);
			if (!found) {
				throw new RuleBundleException(where + ": pack " + name + " needs parameter '" + parameter
						+ "', but rules/" + name + "/" + PARAMETERS + parameter
						+ (parameter.endsWith("/") ? " holds no parameter" : ".yaml does not exist"));
			}
		}
		String reports = String.valueOf(doc.get("reports"));
		if (reports.isBlank()) {
			throw new RuleBundleException(where + ": 'reports' names the fact the pack decides");
		}
		List<String> scope = strings(where, "scope", doc.get("scope"));
		if (scope.isEmpty()) {
			throw new RuleBundleException(where + ": 'scope' must cite at least one provision");
		}
		return new Pack(name, String.valueOf(doc.get("title")), coverage, tableNames, parameterNames, reports, scope);
	}

	/** A YAML list of distinct non-blank strings. */
	private static List<String> strings(String where, String key, Object value) {
		if (!(value instanceof List<?> list)) {
			throw new RuleBundleException(where + ": '" + key + "' must be a list");
		}
		List<String> out = new ArrayList<>();
		for (Object o : list) {
			String s = (o == null) ? "" : String.valueOf(o);
			if (s.isBlank() || o instanceof Map<?, ?> || o instanceof List<?>) {
				throw new RuleBundleException(where + ": '" + key + "' must list names, found '" + o + "'");
			}
			if (out.contains(s)) {
				throw new RuleBundleException(where + ": '" + key + "' lists '" + s + "' twice");
			}
			out.add(s);
		}
		return List.copyOf(out);
	}

	private static List<DatedRecord> loadTable(String name, BundleFile file, Map<String, String> countries) {
		List<String> header = CsvTable.header(file);
		if (header.size() <= DATED_COLUMNS.size()
				|| !header.subList(header.size() - DATED_COLUMNS.size(), header.size()).equals(DATED_COLUMNS)) {
			throw new RuleBundleException(
					file.displayPath() + ": a dated table's header must end with " + DATED_COLUMNS);
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
				throw new RuleBundleException(
						where + ": '" + row.get("iso2") + "' is not a country of reference/countries.csv");
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
					throw new RuleBundleException(
							where + ": years must ascend without gaps (" + previous + " then " + year + ")");
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
	static Parameter loadParameter(BundleFile file, String id) {
		String where = file.displayPath();
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
			checkKeys(where + " reference", (Map<String, Object>) ref, Set.of("title", "href"),
					Set.of("title", "href"));
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
			boolean inForceBefore = false;
			if (v instanceof Map<?, ?> m) {
				checkKeys(where + " value " + from, (Map<String, Object>) m,
						Set.of("value", "base_year", "note", "in_force_before"), Set.of("value"));
				baseYear = (m.get("base_year") != null) ? Integer.valueOf(String.valueOf(m.get("base_year"))) : null;
				if (m.get("in_force_before") != null) {
					if (!(m.get("in_force_before") instanceof Boolean b)) {
						throw new RuleBundleException(
								where + ": in_force_before at " + from + " must be true or false");
					}
					if (b && !list.isEmpty()) {
						throw new RuleBundleException(where + ": in_force_before at " + from
								+ " is allowed on the first value only (a later value's date is when it took effect)");
					}
					inForceBefore = b;
				}
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
			list.add(new Parameter.Value(from, amount, (baseYear != null) ? baseYear : from.getYear(), inForceBefore));
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
