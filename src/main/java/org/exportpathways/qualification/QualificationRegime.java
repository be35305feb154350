package org.exportpathways.qualification;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.exportpathways.domain.DatedValue;
import org.exportpathways.qualification.SourceFacts.Acquisition;
import org.exportpathways.qualification.SourceFacts.BuyAmericanException;
import org.exportpathways.qualification.SourceFacts.ContentThreshold;
import org.exportpathways.qualification.SourceFacts.DpaCondition;
import org.exportpathways.qualification.SourceFacts.DpaCountry;
import org.exportpathways.qualification.SourceFacts.PartMissing;
import org.exportpathways.qualification.SourceFacts.PartStatus;
import org.exportpathways.qualification.SourceFacts.QualifyingCountry;
import org.exportpathways.qualification.SourceFacts.RdpNegotiation;
import org.exportpathways.kernel.Decided;
import org.exportpathways.kernel.Facts;
import org.exportpathways.kernel.Regime;
import org.exportpathways.kernel.RuleEngine;
import org.exportpathways.bundle.DatedRecord;
import org.exportpathways.bundle.Parameter;
import org.exportpathways.bundle.ReferenceData;

/**
 * Foreign source qualification (packs {@code procurement} and {@code dpa}): inserts the
 * acquisition, the qualifying-country, DPA and threshold data in force on the date
 * (thresholds for the delivery year), fires the procurement and DPA rules, and reads each
 * part back with the enablers (SOSA, NTIB, RGQA, NATO, MNNA, AUKUS) of the supplier's
 * country.
 */
public final class QualificationRegime implements Regime<QualificationRequest, QualificationResult> {

	/**
	 * The packs a qualification fires: it covers dates from the later of their coverage
	 * starts.
	 */
	public static final List<String> PACKS = List.of("procurement", "dpa");

	static final String P = "procurement/";

	/** Arrangements reported as enablers, by table, under the name reported. */
	static final Map<String, String> ENABLERS = new LinkedHashMap<>();

	static {
		ENABLERS.put("rdp-qualifying-countries", "RDP_QUALIFYING_COUNTRY");
		ENABLERS.put("sosa", "SECURITY_OF_SUPPLY_ARRANGEMENT");
		ENABLERS.put("ntib", "NTIB");
		ENABLERS.put("rgqa", "RECIPROCAL_GOVERNMENT_QUALITY_ASSURANCE");
		ENABLERS.put("nato-members", "NATO");
		ENABLERS.put("mnna", "MAJOR_NON_NATO_ALLY");
		ENABLERS.put("aukus-partners", "AUKUS");
	}

	private final ReferenceData data;

	/**
	 * The citation of a country that is not a qualifying country: that of the rule that
	 * says so.
	 */
	private final String notQualifyingCitation;

	public QualificationRegime(ReferenceData data, RuleEngine engine) {
		this.data = data;
		this.notQualifyingCitation = engine.rules()
			.stream()
			.filter((rule) -> "PR-QC-002".equals(rule.getMetaData().get("id")))
			.map((rule) -> String.valueOf(rule.getMetaData().get("citation")))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException(
					"The rule bundle has no rule PR-QC-002 (not a qualifying country)"));
	}

	@Override
	public String subject() {
		return "source qualifications";
	}

	@Override
	public List<String> packs() {
		return PACKS;
	}

	@Override
	public void facts(QualificationRequest r, Facts facts) {
		LocalDate asOf = r.asOf();
		Acquisition a = new Acquisition(asOf, r.supplierCountry(), r.manufactureCountry(), r.productKind(),
				r.commercialOffTheShelf(), r.chemicalWarfareProtectiveClothing(), r.domesticAtEveryStage(),
				r.containsSpecialtyMetal(), r.specialtyMetalMeltCountry(), r.domesticComponentShare(),
				r.qualifyingCountryComponentShare(), r.contractValue(), r.placeOfUse(), r.deliveryYear(), r.buyer(),
				r.dpaTitle(), r.nonavailability(), r.unreasonableCost(), r.publicInterest(),
				r.fallbackThresholdConditions());
		facts.insert(a);
		for (String c : new LinkedHashSet<>(
				Arrays.asList(r.supplierCountry(), r.manufactureCountry(), r.specialtyMetalMeltCountry()))) {
			if (c == null) {
				continue;
			}
			for (DatedRecord q : data.memberships("rdp-qualifying-countries", c, asOf)) {
				facts.insert(new QualifyingCountry(c, q.citation(), q.effectiveFrom(), q.effectiveTo()));
			}
			for (DatedRecord n : data.memberships("rdp-negotiations", c, asOf)) {
				facts.insert(new RdpNegotiation(c, n.citation(), n.note()));
			}
			for (DatedRecord d : data.memberships("dpa-domestic-source", c, asOf)) {
				facts.insert(new DpaCountry(c, d.get("scope"), d.get("conditions"), d.get("enacted_by"), d.citation(),
						d.effectiveFrom()));
			}
		}
		titleIiiFrom().ifPresent(facts::insert);
		thresholds(a).forEach(facts::insert);
		thresholdChoices(a).forEach(facts::insert);
		facts.parameter("micro-purchase-threshold", P + "micro-purchase-threshold");
		facts.parameter("berry-small-purchase", P + "berry-small-purchase-threshold");
		facts.parameter("simplified-acquisition-threshold", P + "simplified-acquisition-threshold");
	}

	/**
	 * The threshold for the delivery year ({@code standard}) and, where in force, the 55%
	 * fallback: the FAR table for civilian buyers, the DFARS table for DoD, each
	 * superseded by its pre-rule value for business dates before the rule that set the
	 * delivery-year table.
	 */
	private List<ContentThreshold> thresholds(Acquisition a) {
		List<ContentThreshold> out = new ArrayList<>();
		if (a.deliveryYear() == null) {
			return out;
		}
		String table = a.dod() ? "domestic-content-dfars" : "domestic-content-far";
		String legacy = table + "-before-delivery-year-table";
		LocalDate delivery = LocalDate.of(a.deliveryYear(), 1, 1);
		Parameter old = data.parameter(P + "buy-american/" + legacy);
		Optional<Parameter.Value> before = old.at(a.asOf());
		if (before.isPresent()) {
			out.add(new ContentThreshold(before.get().value(), old.citation(), before.get().since(),
					old.endOf(a.asOf()), "standard"));
		}
		else {
			Parameter p = data.parameter(P + "buy-american/" + table);
			p.at(delivery)
				.ifPresent((v) -> out
					.add(new ContentThreshold(v.value(), p.citation(), v.since(), p.endOf(delivery), "standard")));
		}
		Parameter fallback = data.parameter(P + "buy-american/fallback-threshold");
		fallback.at(a.asOf())
			.ifPresent((v) -> out.add(new ContentThreshold(v.value(), fallback.citation(), v.since(),
					fallback.endOf(a.asOf()), "fallback")));
		return out;
	}

	/**
	 * When the DPA first counted business concerns beyond the United States and Canada
	 * (Title III), for wording.
	 */
	private Optional<DatedValue> titleIiiFrom() {
		return data.rows("dpa-domestic-source")
			.stream()
			.filter((r) -> "TITLE_III".equals(r.get("scope")) && r.effectiveFrom() != null)
			.min(Comparator.comparing(DatedRecord::effectiveFrom))
			.map((r) -> new DatedValue("dpa-title-iii-from", "dpa-domestic-source", null, r.citation(),
					r.effectiveFrom()));
	}

	/**
	 * Every threshold the buyer's tables name, for the finding when the delivery year is
	 * not given.
	 */
	private List<DatedValue> thresholdChoices(Acquisition a) {
		if (a.deliveryYear() != null) {
			return List.of();
		}
		String table = a.dod() ? "domestic-content-dfars" : "domestic-content-far";
		List<DatedValue> out = new ArrayList<>();
		for (String id : List.of(table + "-before-delivery-year-table", table, "fallback-threshold")) {
			Parameter p = data.parameter(P + "buy-american/" + id);
			p.values()
				.stream()
				.filter((v) -> v.value() != null)
				.forEach((v) -> out.add(new DatedValue("domestic-content-threshold-choice", p.id(), v.value(),
						p.citation(), v.since())));
		}
		return out;
	}

	@Override
	public QualificationResult result(QualificationRequest request, Decided decided) {
		Acquisition a = decided.one(Acquisition.class, "procurement");
		Map<String, String> status = new LinkedHashMap<>();
		for (PartStatus s : decided.all(PartStatus.class)) {
			String previous = status.put(s.part(), s.status());
			if (previous != null && !previous.equals(s.status())) {
				throw new IllegalStateException(s.part() + " reached two statuses: " + previous + ", " + s.status());
			}
		}
		Map<String, List<String>> missing = new LinkedHashMap<>();
		decided.all(PartMissing.class)
			.stream()
			.sorted(Comparator.comparing(PartMissing::field))
			.forEach((m) -> missing.computeIfAbsent(m.part(), (k) -> new ArrayList<>()).add(m.field()));
		List<QualifyingCountry> qc = decided.all(QualifyingCountry.class)
			.stream()
			.filter((q) -> q.country().equals(a.supplierCountry()))
			.toList();
		QualificationResult.Status qualifying = qc.isEmpty()
				? new QualificationResult.Status(false, notQualifyingCitation, null, null,
						a.supplierCountry() + " is not listed as a qualifying country on " + a.asOf())
				: new QualificationResult.Status(true, qc.get(0).citation(), qc.get(0).effectiveFrom(),
						qc.get(0).effectiveTo(), null);
		ContentThreshold applied = decided.all(ContentThreshold.class)
			.stream()
			.filter((t) -> "applied".equals(t.basis()))
			.findFirst()
			.orElse(null);
		String baStatus = status.get("BUY_AMERICAN");
		List<BuyAmericanException> exceptions = decided.all(BuyAmericanException.class)
			.stream()
			.sorted(Comparator.comparing(BuyAmericanException::code))
			.toList();
		QualificationResult.BuyAmerican ba = new QualificationResult.BuyAmerican(required(baStatus, "BUY_AMERICAN"),
				(applied != null) ? applied.percent() : null, (applied != null) ? applied.citation() : null, exceptions,
				"UNDETERMINED".equals(baStatus) ? distinct(missing.get("BUY_AMERICAN")) : List.of());
		QualificationResult.Part berry = part(status, missing, "BERRY");
		QualificationResult.Part metals = part(status, missing, "SPECIALTY_METALS");
		String dpaStatus = required(status.get("DPA"), "DPA");
		List<String> conditions = "NO".equals(dpaStatus) ? List.of()
				: decided.all(DpaCondition.class).stream().map(DpaCondition::text).sorted().toList();
		QualificationResult.Dpa dpa = new QualificationResult.Dpa(dpaStatus, conditions,
				"UNDETERMINED".equals(dpaStatus) ? distinct(missing.get("DPA")) : List.of());
		return new QualificationResult(qualifying, ba, berry, metals, dpa, enablers(a.supplierCountry(), a.asOf()),
				decided.findings(), a.asOf());
	}

	private static QualificationResult.Part part(Map<String, String> status, Map<String, List<String>> missing,
			String name) {
		String s = required(status.get(name), name);
		return new QualificationResult.Part(s, "UNDETERMINED".equals(s) ? distinct(missing.get(name)) : List.of());
	}

	private static String required(String status, String part) {
		if (status == null) {
			throw new IllegalStateException("No rule decided " + part);
		}
		return status;
	}

	private static List<String> distinct(List<String> fields) {
		return (fields == null) ? List.of() : fields.stream().distinct().sorted().toList();
	}

	/** The arrangements the country takes part in on the date, each dated and cited. */
	public List<QualificationResult.Enabler> enablers(String country, LocalDate asOf) {
		List<QualificationResult.Enabler> out = new ArrayList<>();
		ENABLERS.forEach((table, name) -> {
			for (DatedRecord r : data.memberships(table, country, asOf)) {
				out.add(new QualificationResult.Enabler(name, r.note().isBlank() ? null : r.note(), r.citation(),
						r.source(), r.effectiveFrom(), r.effectiveTo()));
			}
		});
		return out;
	}

}
