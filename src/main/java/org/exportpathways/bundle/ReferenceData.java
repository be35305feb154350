package org.exportpathways.bundle;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The dated, cited reference data of the bundle: countries, membership tables, parameters
 * and the CPI-U series. Immutable once loaded; every lookup takes the business date it
 * applies to.
 */
public final class ReferenceData {

	private final String bundleVersion;

	private final List<Pack> packs;

	private final Map<String, Pack> packsByName = new LinkedHashMap<>();

	private final Map<String, String> countries;

	private final Map<String, List<DatedRecord>> tables;

	private final Map<String, Parameter> parameters;

	private final SortedMap<Integer, BigDecimal> cpiU;

	private final Map<String, Map<String, List<DatedRecord>>> indexes = new ConcurrentHashMap<>();

	/** The membership tables by country ({@link #memberships}), by table name. */
	private final Map<String, Map<String, List<DatedRecord>>> byCountry = new ConcurrentHashMap<>();

	/**
	 * Parameter citations, built once ({@link Parameter#citation()} joins every call).
	 */
	private final Map<String, String> citations = new ConcurrentHashMap<>();

	ReferenceData(String bundleVersion, List<Pack> packs, Map<String, String> countries,
			Map<String, List<DatedRecord>> tables, Map<String, Parameter> parameters,
			SortedMap<Integer, BigDecimal> cpiU) {
		this.bundleVersion = bundleVersion;
		this.packs = List.copyOf(packs);
		packs.forEach((p) -> this.packsByName.put(p.name(), p));
		this.countries = Map.copyOf(countries);
		this.tables = Map.copyOf(tables);
		this.parameters = Map.copyOf(parameters);
		this.cpiU = cpiU;
	}

	/** Semver declared in bundle.yaml. */
	public String bundleVersion() {
		return bundleVersion;
	}

	/** The regime packs, in the order bundle.yaml lists them. */
	public List<Pack> packs() {
		return packs;
	}

	public Pack pack(String name) {
		Pack p = packsByName.get(name);
		if (p == null) {
			throw new IllegalArgumentException("bundle.yaml lists no pack " + name);
		}
		return p;
	}

	/**
	 * The first business date the bundle's data covers for a pack (the {@code coverage}
	 * of its pack.yaml).
	 */
	public LocalDate coversFrom(String pack) {
		return pack(pack).coverage();
	}

	/**
	 * The first business date covered by every one of {@code packs}: the latest of their
	 * coverage starts.
	 */
	public LocalDate coversFrom(Collection<String> packs) {
		return packs.stream()
			.map(this::coversFrom)
			.max(Comparator.naturalOrder())
			.orElseThrow(() -> new IllegalArgumentException("no pack named"));
	}

	/**
	 * The rows of {@code table} grouped by the value of {@code column} (in table order),
	 * built once and kept: a lookup index, e.g. the CCL by ECCN.
	 */
	public Map<String, List<DatedRecord>> index(String table, String column) {
		return indexes.computeIfAbsent(table + "#" + column, (k) -> {
			Map<String, List<DatedRecord>> index = new LinkedHashMap<>();
			for (DatedRecord r : rows(table)) {
				index.computeIfAbsent(r.get(column), (v) -> new ArrayList<>()).add(r);
			}
			index.replaceAll((v, rows) -> List.copyOf(rows));
			return Map.copyOf(index);
		});
	}

	public boolean isCountry(String code) {
		return countries.containsKey(code);
	}

	public Optional<String> countryName(String code) {
		return Optional.ofNullable(countries.get(code));
	}

	/** Rows of table {@code list} for {@code country} in force on {@code date}. */
	public List<DatedRecord> memberships(String list, String country, LocalDate date) {
		List<DatedRecord> rows = byCountry.computeIfAbsent(list, (t) -> index(t, "iso2")).get(country);
		if (rows == null) {
			return List.of();
		}
		List<DatedRecord> inForce = null;
		for (DatedRecord r : rows) {
			if (r.inForce(date)) {
				if (inForce == null) {
					inForce = new ArrayList<>(2);
				}
				inForce.add(r);
			}
		}
		return (inForce == null) ? List.of() : List.copyOf(inForce);
	}

	/** Rows of {@code table} in force on {@code date}. */
	public List<DatedRecord> inForce(String table, LocalDate date) {
		return rows(table).stream().filter((r) -> r.inForce(date)).toList();
	}

	public List<DatedRecord> rows(String table) {
		List<DatedRecord> rows = tables.get(table);
		if (rows == null) {
			throw new IllegalArgumentException("No reference table " + table);
		}
		return rows;
	}

	/** The names of the reference tables, sorted. */
	public List<String> tableNames() {
		return tables.keySet().stream().sorted().toList();
	}

	public Parameter parameter(String id) {
		Parameter p = parameters.get(id);
		if (p == null) {
			throw new IllegalArgumentException("No parameter " + id);
		}
		return p;
	}

	/**
	 * The citation of parameter {@code id} ({@link Parameter#citation()}), built once.
	 */
	public String citation(String id) {
		String c = citations.get(id);
		if (c == null) {
			c = parameter(id).citation();
			citations.put(id, c);
		}
		return c;
	}

	public Map<String, Parameter> parameters() {
		return parameters;
	}

	public Optional<BigDecimal> cpiU(int year) {
		return Optional.ofNullable(cpiU.get(year));
	}

	public int cpiUFirstYear() {
		return cpiU.firstKey();
	}

	public int cpiULastYear() {
		return cpiU.lastKey();
	}

}
