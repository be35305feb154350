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

	private final LocalDate coversFrom;

	private final Map<String, String> countries;

	private final Map<String, List<DatedRow>> lists;

	private final Map<String, Parameter> parameters;

	private final SortedMap<Integer, BigDecimal> cpiU;

	ReferenceData(String bundleVersion, LocalDate coversFrom, Map<String, String> countries,
			Map<String, List<DatedRow>> lists, Map<String, Parameter> parameters, SortedMap<Integer, BigDecimal> cpiU) {
		this.bundleVersion = bundleVersion;
		this.coversFrom = coversFrom;
		this.countries = Map.copyOf(countries);
		this.lists = Map.copyOf(lists);
		this.parameters = Map.copyOf(parameters);
		this.cpiU = cpiU;
	}

	/** Semver declared in bundle.yaml. */
	public String bundleVersion() {
		return bundleVersion;
	}

	/** The first business date the bundle's data covers. */
	public LocalDate coversFrom() {
		return coversFrom;
	}

	public boolean isCountry(String code) {
		return countries.containsKey(code);
	}

	public Optional<String> countryName(String code) {
		return Optional.ofNullable(countries.get(code));
	}

	/** Rows of {@code list} for {@code country} in force on {@code date}. */
	public List<DatedRow> memberships(String list, String country, LocalDate date) {
		return rows(list).stream().filter((r) -> r.country().equals(country) && r.inForce(date)).toList();
	}

	public List<DatedRow> rows(String list) {
		List<DatedRow> rows = lists.get(list);
		if (rows == null) {
			throw new IllegalArgumentException("No reference table " + list);
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
