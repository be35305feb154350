package org.exportpathways.screening;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.exportpathways.bundle.DatedRecord;
import org.exportpathways.bundle.ReferenceData;
import org.exportpathways.domain.InvalidInputException;
import org.exportpathways.kernel.Facts;
import org.exportpathways.screening.ScreeningFacts.EarItem;
import org.exportpathways.screening.ScreeningFacts.EccnControl;
import org.exportpathways.screening.ScreeningFacts.EccnRequirement;
import org.exportpathways.screening.ScreeningFacts.FootnoteItem;
import org.exportpathways.screening.ScreeningFacts.UsmlItem;

/**
 * The items of a screening as facts: USML entries as given; ECCNs resolved against the
 * Commerce Control List of the bundle in force on the date (series, chart columns, LVS,
 * GBS, STA) with the reasons for control of each paragraph.
 */
final class EarCatalog {

	/**
	 * The CCL entries and the reasons for control by paragraph (rules/ear/reference/).
	 */
	static final String CCL = "ear-ccl";

	static final String CONTROLS = "ear-ccl-controls";

	/** ECCNs (or parts) that Country Chart footnotes require a license for. */
	static final String FOOTNOTE_ITEMS = "ear-chart-footnote-items";

	/** An ECCN, optionally with its paragraph: 9A610, 9A610.x, 3A001.b.2. */
	static final Pattern ECCN = Pattern.compile("^([0-9][A-E][0-9]{3})(?:\\.([a-z0-9.]+))?$");

	private final ReferenceData data;

	EarCatalog(ReferenceData data) {
		this.data = data;
	}

	/** Whether the CCL of the bundle has the entry (in force or not). */
	static boolean listed(ReferenceData data, String eccn) {
		return data.index(CCL, "eccn").containsKey(eccn);
	}

	/** Whether the entry is in force on the date. */
	static boolean inForce(ReferenceData data, String eccn, LocalDate asOf) {
		return data.index(CCL, "eccn").getOrDefault(eccn, List.of()).stream().anyMatch((r) -> r.inForce(asOf));
	}

	Object fact(ScreeningRequest.Item item, LocalDate asOf) {
		if (item.usml() != null) {
			ScreeningRequest.Usml u = item.usml();
			return new UsmlItem(item.id(), u.category(), u.paragraph(), u.sme(), u.classified(), u.kind(),
					u.excludedTechnologyList(), u.supplementNo1Excluded(), item.value());
		}
		if (Boolean.TRUE.equals(item.ear99())) {
			return new EarItem(item.id(), "EAR99", null, "EAR99", List.of(), null, null, false, item.value(),
					item.listedInPart746Supplement());
		}
		Matcher m = ECCN.matcher(item.eccn());
		m.matches();
		DatedRecord entry = data.index(CCL, "eccn")
			.get(m.group(1))
			.stream()
			.filter((r) -> r.inForce(asOf))
			.findFirst()
			.orElseThrow(() -> InvalidInputException.unprocessable("items",
					"ECCN " + m.group(1) + " is not in force on " + asOf + " in the rule bundle"));
		Set<String> columns = new LinkedHashSet<>();
		for (String c : entry.get("chart_columns").split(";")) {
			if (!c.isBlank()) {
				columns.add(c.strip());
			}
		}
		String lvs = entry.get("lvs");
		String gbs = entry.get("gbs");
		return new EarItem(item.id(), m.group(1), m.group(2), entry.get("series"), List.copyOf(columns),
				lvs.isBlank() ? null : new BigDecimal(lvs), gbs.isBlank() ? null : "Y".equals(gbs),
				"Y".equals(entry.get("sta_excluded")), item.value(), null);
	}

	/**
	 * The reasons for control (with the paragraphs they cover) of the ECCNs of the items,
	 * in force on the date.
	 */
	void controls(Facts facts, Collection<Object> items, LocalDate asOf) {
		Set<String> eccns = new LinkedHashSet<>();
		for (Object o : items) {
			if (o instanceof EarItem e && !e.ear99()) {
				eccns.add(e.eccn());
			}
		}
		for (DatedRecord r : data.inForce(FOOTNOTE_ITEMS, asOf)) {
			String paras = r.get("paragraphs");
			facts.insert(new FootnoteItem(r.get("footnote"), r.get("eccn"), r.get("scope"),
					paras.isBlank() ? List.of() : List.of(paras.split(";")), r.get("text"), r.citation(),
					r.effectiveFrom()));
		}
		for (String eccn : eccns) {
			for (DatedRecord r : data.index(CONTROLS, "eccn").getOrDefault(eccn, List.of())) {
				if (r.inForce(asOf)) {
					String paras = r.get("paragraphs");
					List<String> letters = paras.isBlank() ? List.of() : List.of(paras.split(";"));
					if ("CHART".equals(r.get("destinations"))) {
						facts.insert(
								new EccnControl(eccn, r.get("column"), r.get("scope"), letters, r.get("scope_text")));
					}
					else {
						facts.insert(new EccnRequirement(eccn, r.get("reason"), r.get("scope"), letters,
								r.get("destinations"), r.get("scope_text"), r.get("requirement")));
					}
				}
			}
		}
	}

}
