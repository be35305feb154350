package org.exportpathways.bundle;

import java.time.LocalDate;
import java.util.List;

/**
 * A regime pack as its {@code rules/<name>/pack.yaml} declares it: the first business
 * date its data covers, the tables (by name) and parameters (under its
 * {@code parameters/}; a name ending in {@code /} is a whole folder) it needs, the fact
 * it reports as its decision, and the law it decides under. The loader checks that every
 * declared table and parameter exists.
 */
public record Pack(String name, String title, LocalDate coverage, List<String> tables, List<String> parameters,
		String reports, List<String> scope) {

	/**
	 * The id Java uses for one of the pack's parameters:
	 * {@code <pack>/<path under parameters/>}.
	 */
	public String parameterId(String name) {
		return this.name + "/" + name;
	}

}
