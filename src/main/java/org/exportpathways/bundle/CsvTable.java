package org.exportpathways.bundle;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.exportpathways.bundle.BundleFile;
import org.exportpathways.bundle.RuleBundleException;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

/**
 * A reference table read strictly: the header must be exactly the expected columns, in
 * order.
 */
public final class CsvTable {

	private static final CsvMapper CSV = CsvMapper.builder().enable(CsvReadFeature.WRAP_AS_ARRAY).build();

	private CsvTable() {
	}

	/** The header row of a table. */
	public static List<String> header(BundleFile file) {
		try (MappingIterator<List<String>> it = CSV.readerForListOf(String.class).readValues(file.text())) {
			if (!it.hasNext()) {
				throw new RuleBundleException(file.displayPath() + ": empty table");
			}
			return it.next().stream().map(String::strip).toList();
		}
		catch (RuleBundleException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw new RuleBundleException(file.displayPath() + ": not a valid CSV table: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Rows as column → value maps (empty cells are empty strings); row numbers in errors
	 * count the header as 1.
	 */
	public static List<Map<String, String>> read(BundleFile file, List<String> columns) {
		List<Map<String, String>> rows = new ArrayList<>();
		try (MappingIterator<List<String>> it = CSV.readerForListOf(String.class).readValues(file.text())) {
			if (!it.hasNext()) {
				throw new RuleBundleException(file.displayPath() + ": empty table");
			}
			List<String> header = it.next();
			if (!header.equals(columns)) {
				throw new RuleBundleException(
						file.displayPath() + ": header " + header + " does not match the expected columns " + columns);
			}
			int line = 1;
			while (it.hasNext()) {
				line++;
				List<String> cells = it.next();
				if (cells.size() == 1 && cells.get(0).isBlank()) {
					continue;
				}
				if (cells.size() != columns.size()) {
					throw new RuleBundleException(file.displayPath() + ":" + line + ": expected " + columns.size()
							+ " cells, found " + cells.size());
				}
				Map<String, String> row = new LinkedHashMap<>();
				Iterator<String> c = cells.iterator();
				for (String col : columns) {
					row.put(col, c.next().strip());
				}
				row.put("#line", String.valueOf(line));
				rows.add(row);
			}
		}
		catch (RuleBundleException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw new RuleBundleException(file.displayPath() + ": not a valid CSV table: " + ex.getMessage(), ex);
		}
		return rows;
	}

}
