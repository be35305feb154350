package org.exportpathways.screening;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.exportpathways.domain.UnitedStates;
import org.exportpathways.notification.Channel;
import org.exportpathways.domain.DatedValue;
import org.exportpathways.domain.Finding;
import org.exportpathways.domain.InputError;
import org.exportpathways.domain.InvalidInputException;
import org.exportpathways.notification.SaleCase;
import org.exportpathways.domain.StableSets;
import org.exportpathways.screening.ScreeningFacts.ChartCell;
import org.exportpathways.screening.ScreeningFacts.CountryGroup;
import org.exportpathways.screening.ScreeningFacts.EarItem;
import org.exportpathways.screening.ScreeningFacts.EccnControl;
import org.exportpathways.screening.ScreeningFacts.EccnRequirement;
import org.exportpathways.screening.ScreeningFacts.Embargo;
import org.exportpathways.screening.ScreeningFacts.ExemptionAvailable;
import org.exportpathways.screening.ScreeningFacts.ExemptionResult;
import org.exportpathways.screening.ScreeningFacts.ItarListing;
import org.exportpathways.screening.ScreeningFacts.ItemDecision;
import org.exportpathways.screening.ScreeningFacts.ItemMissing;
import org.exportpathways.screening.ScreeningFacts.LicenseExceptionCandidate;
import org.exportpathways.screening.ScreeningFacts.LicenseType;
import org.exportpathways.screening.ScreeningFacts.NotificationStatus;
import org.exportpathways.screening.ScreeningFacts.Transfer;
import org.exportpathways.screening.ScreeningFacts.UsmlItem;
import org.exportpathways.screening.ScreeningOutcome;
import org.exportpathways.kernel.FindingCollector;
import org.exportpathways.kernel.FindingCollector.Explanation;
import org.exportpathways.kernel.RuleEngine;
import org.exportpathways.notification.NotificationResult;
import org.exportpathways.notification.NotificationService;
import org.exportpathways.notification.Scenario;
import org.exportpathways.bundle.DatedRecord;
import org.exportpathways.bundle.ReferenceData;
import org.kie.api.runtime.KieSession;

/**
 * Export pathway screening: inserts the transfer, its items and the destination's reference data in force on the
 * date (126.1 listing, Country Groups, Country Chart row, embargoes, exemptions available) with the sale's
 * congressional-notification decision, fires the ITAR and EAR rules, and rolls the item outcomes up.
 */
public final class ScreeningService {

	/** The packs a screening fires: it covers dates from the later of their coverage starts. */
	public static final List<String> PACKS = List.of("itar", "ear");

	/** The pseudo-group of destinations under UN Security Council sanctions (746.1(b); chart footnote 1). */
	public static final String UN_SANCTIONED = "UN_SANCTIONED";

	static final Pattern ECCN = Pattern.compile("^([0-9][A-E][0-9]{3})(?:\\.([a-z0-9.]+))?$");

	/** The Country Chart's columns (738.2(d)(2)), in the chart's reading order. */
	static final String CHART_COLUMNS = "ear-chart-columns";

	/** Preference when several exemptions apply to an item: the lowest rank is reported (unranked ones first). */
	static final String EXEMPTION_PREFERENCE = "itar-exemption-preference";

	/** The USML paragraphs whose firearms count toward the firearms trigger of 123.15(a)(3). */
	static final String FIREARMS = "usml-firearms";

	private final RuleEngine engine;

	private final ReferenceData data;

	private final NotificationService notifications;

	private final Map<String, List<DatedRecord>> ccl = new HashMap<>();

	private final Map<String, List<DatedRecord>> controls = new HashMap<>();

	public ScreeningService(RuleEngine engine, ReferenceData data, NotificationService notifications) {
		this.engine = engine;
		this.data = data;
		this.notifications = notifications;
		for (DatedRecord r : data.rows("ear-ccl")) {
			ccl.computeIfAbsent(r.get("eccn"), (k) -> new ArrayList<>()).add(r);
		}
		for (DatedRecord r : data.rows("ear-ccl-controls")) {
			controls.computeIfAbsent(r.get("eccn"), (k) -> new ArrayList<>()).add(r);
		}
		for (String t : List.of("itar-126-1", "ear-un-sanctioned", "ear-named-destinations", "ear-country-groups",
				"ear-country-chart", "ear-embargoes", "itar-exemptions", "itar-exemption-destinations")) {
			data.rows(t);
		}
		data.rows(EXEMPTION_PREFERENCE).forEach((r) -> Integer.parseInt(r.get("rank")));
		data.rows(FIREARMS);
		DatedRecord chartRow = data.rows("ear-country-chart").get(0);
		data.rows(CHART_COLUMNS).forEach((c) -> chartRow.get(c.get("column")));
	}

	public ScreeningResult screen(ScreeningRequest request) {
		List<InputError> errors = check(request);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors, false);
		}
		LocalDate asOf = request.asOf();
		if (asOf.isBefore(data.coversFrom(PACKS))) {
			throw InvalidInputException.unprocessable("asOf", "the rule bundle covers screenings from "
					+ data.coversFrom(PACKS) + "; " + asOf + " is earlier");
		}
		Map<String, Object> items = new LinkedHashMap<>();
		for (ScreeningRequest.Item item : request.items()) {
			items.put(item.id(), fact(item, asOf));
		}
		SaleCase saleCase = saleCase(request, items.values());
		if (saleCase != null) {
			List<InputError> saleErrors = checkSale(request, saleCase);
			if (!saleErrors.isEmpty()) {
				throw new InvalidInputException(saleErrors, false);
			}
		}
		NotificationResult notification = (saleCase != null) ? screeningNotification(saleCase) : null;
		ScreeningRequest.EndUser eu = (request.endUser() != null) ? request.endUser() : ScreeningRequest.EndUser.UNKNOWN;
		ScreeningRequest.Exporter ex = (request.exporter() != null) ? request.exporter()
				: ScreeningRequest.Exporter.UNKNOWN;
		Transfer transfer = new Transfer(request.destination(), asOf, request.channel(), eu.type(),
				eu.aukusAuthorizedUser(), eu.canadianRegistered(), eu.treatyApprovedCommunity(), eu.armedForcesSupport(),
				eu.securityForces(), ex.ddtcRegistered(), ex.aukusAuthorizedUser(), request.temporary(),
				request.manufactureAbroad(), request.priorLicensedExport(),
				(eu.dualNationalities() != null) ? StableSets.sorted(eu.dualNationalities()) : null);

		return engine.decide((session) -> {
			session.insert(transfer);
			items.values().forEach(session::insert);
			insertControls(session, items.values(), asOf);
			insertDestination(session, transfer);
			if (notification != null) {
				session.insert(new NotificationStatus(notification.outcome(), notification.missing()));
			}
			session.fireAllRules();
			return read(session, request, notification);
		});
	}

	private NotificationResult screeningNotification(SaleCase saleCase) {
		NotificationResult n = notifications.evaluateChecked(saleCase, Scenario.STATUTORY, "sale.");
		return new NotificationResult(n.outcome(), n.section(), n.reviewPeriodDays(), n.reviewWaived(),
				n.recipientGroup(), n.thresholdTier(), n.thresholds(), n.triggeredBy(), screeningPaths(n.missing()),
				n.findings(), n.asOf(), n.scenario());
	}

	private List<InputError> check(ScreeningRequest r) {
		List<InputError> errors = new ArrayList<>();
		if (UnitedStates.ISO2.equals(r.destination())) {
			errors.add(new InputError("destination", "the United States is not an export destination"));
		}
		else if (!data.isCountry(r.destination())) {
			errors.add(new InputError("destination", "'" + r.destination() + "' is not an ISO 3166-1 alpha-2 country code"));
		}
		if (r.endUser() != null && r.endUser().dualNationalities() != null) {
			for (String c : r.endUser().dualNationalities()) {
				if (!data.isCountry(c)) {
					errors.add(new InputError("endUser.dualNationalities", "'" + c + "' is not an ISO 3166-1 alpha-2 country code"));
				}
			}
		}
		if (r.sale() != null && r.sale().newSalesTerritory() != null) {
			for (String c : r.sale().newSalesTerritory()) {
				if (!data.isCountry(c)) {
					errors.add(new InputError("sale.newSalesTerritory", "'" + c + "' is not an ISO 3166-1 alpha-2 country code"));
				}
			}
		}
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < r.items().size(); i++) {
			ScreeningRequest.Item item = r.items().get(i);
			String at = "items[" + i + "]";
			if (!ids.add(item.id())) {
				errors.add(new InputError(at + ".id", "duplicate id '" + item.id() + "'"));
			}
			int described = ((item.usml() != null) ? 1 : 0) + ((item.eccn() != null) ? 1 : 0)
					+ (Boolean.TRUE.equals(item.ear99()) ? 1 : 0);
			if (described != 1) {
				errors.add(new InputError(at, "describe the item by exactly one of usml, eccn or ear99: true (found "
						+ described + ")"));
			}
			if (item.ear99() != null && !item.ear99()) {
				errors.add(new InputError(at + ".ear99", "ear99 is either true or absent"));
			}
			if (item.eccn() != null) {
				Matcher m = ECCN.matcher(item.eccn());
				if (!m.matches()) {
					errors.add(new InputError(at + ".eccn", "'" + item.eccn() + "' is not an ECCN (e.g. 9A610 or 9A610.x)"));
				}
				else if (!ccl.containsKey(m.group(1))) {
					errors.add(new InputError(at + ".eccn", "'" + m.group(1) + "' is not an ECCN of the Commerce Control "
							+ "List in the rule bundle"));
				}
			}
			if (item.listedInPart746Supplement() != null && !Boolean.TRUE.equals(item.ear99())) {
				errors.add(new InputError(at + ".listedInPart746Supplement", "only used for EAR99 items"));
			}
		}
		return errors;
	}

	private Object fact(ScreeningRequest.Item item, LocalDate asOf) {
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
		DatedRecord entry = ccl.get(m.group(1)).stream().filter((r) -> r.inForce(asOf)).findFirst()
			.orElseThrow(() -> InvalidInputException.unprocessable("items", "ECCN " + m.group(1)
					+ " is not in force on " + asOf + " in the rule bundle"));
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

	/** The reasons for control (with the paragraphs they cover) of the ECCNs of the items, in force on the date. */
	private void insertControls(KieSession session, Collection<Object> items, LocalDate asOf) {
		Set<String> eccns = new LinkedHashSet<>();
		for (Object o : items) {
			if (o instanceof EarItem e && !e.ear99()) {
				eccns.add(e.eccn());
			}
		}
		for (String eccn : eccns) {
			for (DatedRecord r : controls.getOrDefault(eccn, List.of())) {
				if (r.inForce(asOf)) {
					String paras = r.get("paragraphs");
					List<String> letters = paras.isBlank() ? List.of() : List.of(paras.split(";"));
					if ("CHART".equals(r.get("destinations"))) {
						session.insert(new EccnControl(eccn, r.get("column"), r.get("scope"), letters, r.get("scope_text")));
					}
					else {
						session.insert(new EccnRequirement(eccn, r.get("reason"), r.get("scope"), letters,
								r.get("destinations"), r.get("scope_text"), r.get("requirement")));
					}
				}
			}
		}
	}

	/** The sale as the notification rules see it, when the transfer has ITAR items; else null. */
	private SaleCase saleCase(ScreeningRequest r, Collection<Object> items) {
		Set<String> categories = new LinkedHashSet<>();
		for (Object o : items) {
			if (o instanceof UsmlItem u) {
				categories.add(u.category());
			}
		}
		if (categories.isEmpty()) {
			return null;
		}
		ScreeningRequest.Sale s = (r.sale() != null) ? r.sale() : ScreeningRequest.Sale.UNKNOWN;
		BigDecimal itemsValue = BigDecimal.ZERO;
		for (ScreeningRequest.Item item : r.items()) {
			if (item.value() != null) {
				itemsValue = itemsValue.add(item.value());
			}
		}
		return new SaleCase(Channel.valueOf(r.channel()), r.destination(), r.asOf(), s.majorDefenseEquipmentValue(),
				s.totalValue(), (s.totalValue() == null && itemsValue.signum() > 0) ? itemsValue : null,
				s.designAndConstructionValue(), "DCS".equals(r.channel()) ? firearmsValue(items, r.asOf()) : null,
				StableSets.sorted(categories), null,
				(s.newSalesTerritory() != null) ? StableSets.sorted(s.newSalesTerritory()) : null, null);
	}

	/** Problems with the sale block: as the notification pack checks them, and the items' values against the total. */
	private List<InputError> checkSale(ScreeningRequest r, SaleCase sale) {
		List<InputError> errors = new ArrayList<>();
		for (InputError e : notifications.check(sale, "sale.")) {
			errors.add(e.field().equals("sale.firearmsValue") ? new InputError("items",
					"the Category I(a)-(g) firearms among the items: " + e.message()) : e);
		}
		BigDecimal known = BigDecimal.ZERO;
		for (ScreeningRequest.Item item : r.items()) {
			if (item.value() != null) {
				known = known.add(item.value());
			}
		}
		if (sale.totalValue() != null && known.compareTo(sale.totalValue()) > 0) {
			errors.add(new InputError("sale.totalValue", "the items' values add up to " + known.toPlainString()
					+ ", more than the sale's total of " + sale.totalValue().toPlainString()));
		}
		return errors;
	}

	/** The notification's missing fields, named as the screening request names them. */
	static List<String> screeningPaths(List<String> missing) {
		return missing.stream().map((f) -> switch (f) {
			case "firearmsValue" -> "items[].usml.paragraph and items[].value (Category I items)";
			case "usmlCategories" -> "items[].usml.category";
			default -> "sale." + f;
		}).distinct().toList();
	}

	/**
	 * The value of the USML Category I(a)-(g) firearms among the items (22 CFR 123.15(a)(3)): null when a Category I
	 * item's paragraph, or a firearm's value, is not given.
	 */
	BigDecimal firearmsValue(Collection<Object> items, LocalDate asOf) {
		List<DatedRecord> firearms = data.inForce(FIREARMS, asOf);
		BigDecimal sum = BigDecimal.ZERO;
		for (Object o : items) {
			if (o instanceof UsmlItem u && firearms.stream().anyMatch((f) -> f.get("category").equals(u.category()))) {
				if (u.paragraph() == null) {
					return null;
				}
				String letter = u.paragraph().substring(0, 1);
				if (firearms.stream().anyMatch((f) -> f.get("category").equals(u.category())
						&& f.get("paragraph").equals(letter))) {
					if (u.value() == null) {
						return null;
					}
					sum = sum.add(u.value());
				}
			}
		}
		return sum;
	}

	private void insertDestination(KieSession session, Transfer t) {
		LocalDate asOf = t.asOf();
		Set<String> listed = new LinkedHashSet<>();
		listed.add(t.destination());
		if (t.dualNationalities() != null) {
			listed.addAll(t.dualNationalities());
		}
		for (String c : listed) {
			for (DatedRecord r : data.memberships("itar-126-1", c, asOf)) {
				session.insert(new ItarListing(c, r.get("table"), r.get("paragraph"), r.get("policy"),
						r.get("applies_to"), r.citation(), r.effectiveFrom(), r.effectiveTo(), r.note()));
			}
		}
		String d = t.destination();
		for (DatedRecord r : data.memberships("ear-country-groups", d, asOf)) {
			session.insert(new CountryGroup(d, r.get("group"), r.citation(), r.effectiveFrom(), r.effectiveTo()));
		}
		for (DatedRecord r : data.memberships("ear-un-sanctioned", d, asOf)) {
			session.insert(new CountryGroup(d, UN_SANCTIONED, r.citation(), r.effectiveFrom(), r.effectiveTo()));
		}
		// destinations an ECCN requirement names beside a Country Group (Macau, China, Russia, Venezuela)
		for (DatedRecord r : data.memberships("ear-named-destinations", d, asOf)) {
			session.insert(new CountryGroup(d, r.get("scope"), r.citation(), r.effectiveFrom(), r.effectiveTo()));
		}
		for (DatedRecord r : data.memberships("ear-country-chart", d, asOf)) {
			for (String col : chartColumns(asOf)) {
				if ("X".equals(r.get(col))) {
					session.insert(new ChartCell(d, col, r.citation(), r.effectiveFrom(), r.effectiveTo()));
				}
			}
		}
		for (DatedRecord r : data.memberships("ear-embargoes", d, asOf)) {
			session.insert(new Embargo(d, r.get("section"), r.get("scope"), r.citation(), r.effectiveFrom()));
		}
		exemptionsAvailable(d, asOf).forEach(session::insert);
		// when the 600-series .a-.x exception last widened beyond Canada (wording of the NLR finding)
		data.rows("ear-named-destinations").stream()
			.filter((r) -> "600_SERIES_A_X_EXCEPTED".equals(r.get("scope")) && r.effectiveFrom() != null)
			.max(Comparator.comparing(DatedRecord::effectiveFrom))
			.ifPresent((r) -> session.insert(new DatedValue("600-series-a-x-excepted-since", "ear-named-destinations", null,
					r.citation(), r.effectiveFrom())));
	}

	/** The Country Chart's columns in force on the date, in the chart's reading order. */
	public List<String> chartColumns(LocalDate asOf) {
		return data.inForce(CHART_COLUMNS, asOf).stream().map((r) -> r.get("column")).toList();
	}

	/** The ITAR exemptions in force on the date that are available for the destination. */
	public List<ExemptionAvailable> exemptionsAvailable(String destination, LocalDate asOf) {
		List<ExemptionAvailable> out = new ArrayList<>();
		List<DatedRecord> destinations = data.rows("itar-exemption-destinations");
		for (DatedRecord e : data.inForce("itar-exemptions", asOf)) {
			String code = e.get("exemption");
			List<DatedRecord> rows = destinations.stream().filter((r) -> r.get("exemption").equals(code)).toList();
			boolean available = rows.isEmpty()
					|| rows.stream().anyMatch((r) -> r.country().equals(destination) && r.inForce(asOf));
			if (available) {
				out.add(new ExemptionAvailable(code, e.get("conditions"), e.citation(), e.effectiveFrom()));
			}
		}
		return out;
	}

	private ScreeningResult read(KieSession session, ScreeningRequest request, NotificationResult notification) {
		Map<String, ScreeningOutcome> outcomes = new HashMap<>();
		for (ItemDecision d : RuleEngine.objects(session, ItemDecision.class)) {
			ScreeningOutcome previous = outcomes.put(d.itemId(), d.outcome());
			if (previous != null && previous != d.outcome()) {
				throw new IllegalStateException("Item " + d.itemId() + " reached two outcomes: " + previous + ", "
						+ d.outcome() + ": the screening rules are not mutually exclusive");
			}
		}
		Map<String, List<String>> licenseTypes = group(RuleEngine.objects(session, LicenseType.class), LicenseType::itemId,
				LicenseType::type);
		Map<String, Integer> rank = new HashMap<>();
		data.inForce(EXEMPTION_PREFERENCE, request.asOf())
			.forEach((r) -> rank.put(r.get("exemption"), Integer.valueOf(r.get("rank"))));
		Map<String, List<String>> exemptions = new HashMap<>();
		RuleEngine.objects(session, ExemptionResult.class).stream()
			.filter((e) -> "APPLIES".equals(e.status()))
			.sorted(Comparator.comparingInt((ExemptionResult e) -> rank.getOrDefault(e.code(), -1)))
			.forEach((e) -> exemptions.computeIfAbsent(e.itemId(), (k) -> new ArrayList<>()).add(e.code()));
		Map<String, List<LicenseExceptionCandidate>> exceptions = new HashMap<>();
		RuleEngine.objects(session, LicenseExceptionCandidate.class).stream()
			.sorted(Comparator.comparing(LicenseExceptionCandidate::code).thenComparing(LicenseExceptionCandidate::citation))
			.forEach((c) -> exceptions.computeIfAbsent(c.itemId(), (k) -> new ArrayList<>()).add(c));
		Map<String, List<String>> missing = group(RuleEngine.objects(session, ItemMissing.class), ItemMissing::itemId,
				ItemMissing::field);
		Map<String, List<Finding>> itemFindings = new HashMap<>();
		List<Finding> findings = new ArrayList<>();
		for (Explanation e : FindingCollector.explanations(session, engine)) {
			if (e.itemId() == null) {
				findings.add(e.finding());
			}
			else {
				itemFindings.computeIfAbsent(e.itemId(), (k) -> new ArrayList<>()).add(e.finding());
			}
		}
		List<ScreeningResult.ItemResult> results = new ArrayList<>();
		ScreeningOutcome overall = ScreeningOutcome.NO_LICENSE_REQUIRED;
		for (int i = 0; i < request.items().size(); i++) {
			ScreeningRequest.Item item = request.items().get(i);
			ScreeningOutcome outcome = outcomes.get(item.id());
			if (outcome == null) {
				throw new IllegalStateException("No rule decided item " + item.id());
			}
			if (outcome.ordinal() < overall.ordinal()) {
				overall = outcome;
			}
			String prefix = "items[" + i + "].";
			List<String> itemMissing = (outcome != ScreeningOutcome.UNDETERMINED) ? List.of()
					: missing.getOrDefault(item.id(), List.of()).stream()
						.map((f) -> (f.startsWith("usml.") || f.startsWith("listedIn") || f.startsWith("eccn")) ? prefix + f : f)
						.distinct()
						.sorted()
						.toList();
			List<String> types = licenseTypes.getOrDefault(item.id(), List.of());
			List<String> applied = exemptions.getOrDefault(item.id(), List.of());
			results.add(new ScreeningResult.ItemResult(item.id(), (item.usml() != null) ? "ITAR" : "EAR", outcome,
					types.isEmpty() ? null : String.join(" or ", types.stream().distinct().toList()),
					(outcome == ScreeningOutcome.EXEMPT && !applied.isEmpty()) ? applied.get(0) : null,
					(outcome == ScreeningOutcome.LICENSE_REQUIRED) ? exceptions.getOrDefault(item.id(), List.of())
							: List.of(),
					itemMissing, itemFindings.getOrDefault(item.id(), List.of())));
		}
		return new ScreeningResult(overall, results, notification, findings, request.asOf());
	}


	private static <T> Map<String, List<String>> group(List<T> facts, java.util.function.Function<T, String> key,
			java.util.function.Function<T, String> value) {
		Map<String, List<String>> out = new HashMap<>();
		for (T f : facts) {
			out.computeIfAbsent(key.apply(f), (k) -> new ArrayList<>()).add(value.apply(f));
		}
		out.values().forEach((l) -> l.sort(Comparator.naturalOrder()));
		return out;
	}

}
