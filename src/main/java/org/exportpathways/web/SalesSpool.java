package org.exportpathways.web;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import org.exportpathways.api.model.SimulationSaleDto;

/**
 * Writes checked sales to a job's spool in the upload's own CSV format, every column
 * present and the batch's {@code asOf} filled in, so the job reads back exactly what was
 * accepted. An unknown value stays an empty cell; an empty list is {@code NONE}.
 */
final class SalesSpool {

	static final List<String> COLUMNS = SimulationUpload.SALES.getColumnNames();

	private SalesSpool() {
	}

	static void header(Writer out) throws IOException {
		out.write(String.join(",", COLUMNS));
		out.write('\n');
	}

	static void write(Writer out, SimulationSaleDto s, LocalDate batchAsOf) throws IOException {
		LocalDate asOf = (s.getAsOf() != null) ? s.getAsOf() : batchAsOf;
		String[] cells = { s.getId(), s.getChannel().getValue(), s.getRecipient(), asOf.toString(),
				money(s.getMajorDefenseEquipmentValue()), money(s.getTotalValue()),
				money(s.getDesignAndConstructionValue()), money(s.getFirearmsValue()),
				list((s.getUsmlCategories() != null) ? s.getUsmlCategories().stream().map((c) -> c.getValue()).toList()
						: null),
				flag(s.getSignificantMilitaryEquipment()), list(s.getNewSalesTerritory()), flag(s.getEmergency()) };
		for (int i = 0; i < cells.length; i++) {
			if (i > 0) {
				out.write(',');
			}
			out.write(ResultsCsv.quoted(cells[i]));
		}
		out.write('\n');
	}

	private static String money(BigDecimal v) {
		return (v != null) ? v.toPlainString() : "";
	}

	private static String flag(Boolean b) {
		return (b != null) ? b.toString() : "";
	}

	private static String list(Collection<String> values) {
		if (values == null) {
			return "";
		}
		return values.isEmpty() ? "NONE" : values.stream().sorted().collect(Collectors.joining(";"));
	}

}
