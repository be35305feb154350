package org.exportpathways.reference;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The dated, cited reference data of the bundle: countries, membership tables, parameters and the CPI-U series.
 * Immutable once loaded; every lookup takes the business date it applies to.
 */
public final class ReferenceData {

	private final String bundleVersion;

	private final Map<String, LocalDate> coverage;

	private final Map<String, String> countries;

	private final Map<String, List<DatedRecord>> tables;

	private final Map<String, Parameter> parameters;

	private final SortedMap<Integer, BigDecimal> cpiU;

	ReferenceData(String bundleVersion, Map<String, LocalDate> coverage, Map<String, String> countries,
			Map<String, List<DatedRecord>> tables, Map<String, Parameter> parameters, SortedMap<Integer, BigDecimal> cpiU) {
		this.bundleVersion = bundleVersion;
		this.coverage = Map.copyOf(coverage);
		this.countries = Map.copyOf(countries);
		this.tables = Map.copyOf(tables);
		this.parameters = Map.copyOf(parameters);
		this.cpiU = cpiU;
	}

	/** Semver declared in bundle.yaml. */
	public String bundleVersion() {
		return bundleVersion;
	}

	/** The first business date the bundle's data covers for a regime (a key of {@code coverage} in bundle.yaml). */
	public LocalDate coversFrom(String regime) {
		LocalDate d = coverage.get(regime);
		if (d == null) {
			throw new IllegalArgumentException("bundle.yaml declares no coverage for " + regime);
		}
		return d;
	}

	public boolean isCountry(String code) {
		return countries.containsKey(code);
	}

	public Optional<String> countryName(String code) {
		return Optional.ofNullable(countries.get(code));
	}

	/** Rows of table {@code list} for {@code country} in force on {@code date}. */
	public List<DatedRecord> memberships(String list, String country, LocalDate date) {
		return rows(list).stream().filter((r) -> r.country().equals(country) && r.inForce(date)).toList();
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

	public Parameter parameter(String id) {
		Parameter p = parameters.get(id);
		if (p == null) {
			throw new IllegalArgumentException("No parameter " + id);
		}
		return p;
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
