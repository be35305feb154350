package org.exportpathways.web;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.exportpathways.notification.NotificationFacts.ThresholdTest;
import org.exportpathways.notification.SimulationRun;
import org.exportpathways.notification.SimulationService.NamedScenario;
import org.exportpathways.notification.SimulationService.SaleOutcome;

/**
 * The rows of a simulation as CSV, one line per sale in input order: {@code id},
 * {@code asOf}, then per scenario its outcome, review period, triggering tests and
 * missing fields, then the break-even and the sweep outcomes when asked for. A cell a
 * spreadsheet would run as a formula is prefixed with {@code '}.
 */
public final class ResultsCsv {

	private final Writer out;

	private final SimulationRun run;

	public ResultsCsv(Writer out, SimulationRun run) throws IOException {
		this.out = out;
		this.run = run;
		List<String> header = new ArrayList<>(List.of("id", "asOf"));
		for (NamedScenario s : run.scenarios()) {
			for (String column : List.of("outcome", "reviewPeriodDays", "triggeredBy", "missing")) {
				header.add(s.name() + "." + column);
			}
		}
		if (run.analysis().breakEven()) {
			header.addAll(List.of("breakEven.kind", "breakEven.factor", "breakEven.missing"));
		}
		for (BigDecimal f : run.sweepFactors()) {
			header.add("sweep@" + f.toPlainString());
		}
		line(header);
	}

	public void write(SimulationRun.Row row) throws IOException {
		List<String> cells = new ArrayList<>();
		cells.add(row.sale().id());
		cells.add(row.sale().sale().asOf().toString());
		for (SaleOutcome o : row.outcomes()) {
			cells.add(o.outcome().name());
			cells.add((o.reviewPeriodDays() != null) ? o.reviewPeriodDays().toString() : "");
			cells.add(o.triggeredBy().stream().map(ResultsCsv::test).collect(Collectors.joining(";")));
			cells.add(String.join(";", o.missing()));
		}
		if (run.analysis().breakEven()) {
			cells.add(row.breakEven().kind().name());
			cells.add((row.breakEven().factor() != null) ? row.breakEven().factor().toPlainString() : "");
			cells.add(String.join(";", row.breakEven().missing()));
		}
		row.sweep().forEach((o) -> cells.add(o.name()));
		line(cells);
	}

	private static String test(ThresholdTest t) {
		return t.tier() + " " + t.kind() + ((t.value() != null) ? " " + t.value().toPlainString() : "") + " >= "
				+ t.limit().toPlainString();
	}

	private void line(List<String> cells) throws IOException {
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				out.write(',');
			}
			out.write(quoted(defused(cells.get(i))));
		}
		out.write('\n');
	}

	/**
	 * The cell as a spreadsheet shows it without running it: one starting with
	 * {@code = + - @}, a tab or a carriage return gets a leading {@code '} (OWASP, "CSV
	 * injection").
	 */
	static String defused(String cell) {
		if (cell == null || cell.isEmpty()) {
			return "";
		}
		char c = cell.charAt(0);
		return (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') ? "'" + cell : cell;
	}

	/** The cell quoted when it holds a comma, a quote or a line break (RFC 4180). */
	static String quoted(String cell) {
		if (cell == null) {
			return "";
		}
		for (int i = 0; i < cell.length(); i++) {
			char c = cell.charAt(i);
			if (c == ',' || c == '"' || c == '\n' || c == '\r') {
				return '"' + cell.replace("\"", "\"\"") + '"';
			}
		}
		return cell;
	}

}
