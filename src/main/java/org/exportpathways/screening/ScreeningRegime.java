package org.exportpathways.screening;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.exportpathways.bundle.ReferenceData;
import org.exportpathways.domain.Finding;
import org.exportpathways.domain.StableSets;
import org.exportpathways.kernel.Decided;
import org.exportpathways.kernel.Facts;
import org.exportpathways.kernel.FindingCollector.Explanation;
import org.exportpathways.kernel.Regime;
import org.exportpathways.domain.InvalidInputException;
import org.exportpathways.jurisdiction.JurisdictionRegime;
import org.exportpathways.jurisdiction.JurisdictionRequest;
import org.exportpathways.jurisdiction.JurisdictionResult;
import org.exportpathways.jurisdiction.Outcome;
import org.exportpathways.screening.ScreeningFacts.ItemJurisdiction;
import java.util.regex.Matcher;
import org.exportpathways.notification.NotificationRegime;
import org.exportpathways.notification.NotificationRequest;
import org.exportpathways.notification.NotificationResult;
import org.exportpathways.notification.SaleCase;
import org.exportpathways.notification.Scenario;
import org.exportpathways.screening.ScreeningFacts.EarNotification;
import org.exportpathways.screening.ScreeningFacts.EarNotificationMissing;
import org.exportpathways.screening.ScreeningFacts.EarNotificationRequest;
import org.exportpathways.screening.ScreeningFacts.ExemptionResult;
import org.exportpathways.screening.ScreeningFacts.ItemDecision;
import org.exportpathways.screening.ScreeningFacts.ItemMissing;
import org.exportpathways.screening.ScreeningFacts.LicenseExceptionCandidate;
import org.exportpathways.screening.ScreeningFacts.LicenseType;
import org.exportpathways.screening.ScreeningFacts.NotificationStatus;
import org.exportpathways.screening.ScreeningFacts.Transfer;

/**
 * Export pathway screening (packs {@code itar} and {@code ear}): the transfer, its items,
 * the reasons for control of their ECCNs, the destination as of the date and the sale's
 * congressional-notification decision go in; each item's outcome, license form, exemption
 * or license exception candidates come back, rolled up.
 */
public final class ScreeningRegime implements Regime<ScreeningRequest, ScreeningResult> {

	/**
	 * The packs a screening fires: it covers dates from the later of their coverage
	 * starts.
	 */
	public static final List<String> PACKS = List.of("itar", "ear");

	/**
	 * Preference when several exemptions apply to an item: the lowest rank is reported
	 * (unranked ones first).
	 */
	static final String EXEMPTION_PREFERENCE = "itar-exemption-preference";

	/**
	 * 15 CFR 743.6: the 0A501.a value notified to Congress, dated (in force only while
	 * 743.6 was).
	 */
	static final String EAR_NOTIFICATION_THRESHOLD = "ear/congressional-notification/semiautomatic-firearms";

	private final ReferenceData data;

	private final EarCatalog catalog;

	private final NotificationRegime notifications;

	private final JurisdictionRegime jurisdictions;

	public ScreeningRegime(ReferenceData data, NotificationRegime notifications, JurisdictionRegime jurisdictions) {
		this.data = data;
		this.catalog = new EarCatalog(data);
		this.notifications = notifications;
		this.jurisdictions = jurisdictions;
	}

	@Override
	public String subject() {
		return "screenings";
	}

	@Override
	public List<String> packs() {
		return PACKS;
	}

	@Override
	public void facts(ScreeningRequest request, Facts facts) {
		LocalDate asOf = request.asOf();
		Map<String, Object> items = new LinkedHashMap<>();
		for (int i = 0; i < request.items().size(); i++) {
			ScreeningRequest.Item item = request.items().get(i);
			if (item.jurisdictionFacts() != null) {
				String at = "items[" + i + "].jurisdictionFacts";
				JurisdictionResult d = facts.decide(jurisdictions,
						new JurisdictionRequest(asOf, null, item.jurisdictionFacts()), "");
				facts.insert(new ItemJurisdiction(item.id(), d));
				ScreeningRequest.Item placed = placed(item, d, at, asOf);
				if (placed != null) {
					items.put(item.id(), catalog.fact(placed, asOf));
				}
			}
			else {
				items.put(item.id(), catalog.fact(item, asOf));
			}
		}
		SaleCase sale = TransferSale.saleCase(request, data);
		if (sale != null) {
			NotificationResult n = facts.decide(notifications, new NotificationRequest(sale, Scenario.STATUTORY),
					"sale.");
			NotificationResult notification = new NotificationResult(n.outcome(), n.section(), n.reviewPeriodDays(),
					n.reviewWaived(), n.recipientGroup(), n.thresholdTier(), n.thresholds(), n.triggeredBy(),
					TransferSale.screeningPaths(n.missing()), n.findings(), n.asOf(), n.scenario());
			facts.insert(notification);
			facts.insert(new NotificationStatus(notification.outcome(), notification.missing()));
		}
		ScreeningRequest.EndUser eu = (request.endUser() != null) ? request.endUser()
				: ScreeningRequest.EndUser.UNKNOWN;
		ScreeningRequest.Exporter ex = (request.exporter() != null) ? request.exporter()
				: ScreeningRequest.Exporter.UNKNOWN;
		Transfer transfer = new Transfer(request.destination(), asOf, request.channel(), eu.type(),
				eu.aukusAuthorizedUser(), eu.canadianRegistered(), eu.treatyApprovedCommunity(),
				eu.armedForcesSupport(), eu.securityForces(), ex.ddtcRegistered(), ex.aukusAuthorizedUser(),
				request.temporary(), request.manufactureAbroad(), request.priorLicensedExport(),
				(eu.dualNationalities() != null) ? StableSets.sorted(eu.dualNationalities()) : null);
		facts.insert(transfer);
		facts.insert(new EarNotificationRequest(eu.usGovernmentOrNatoAgency()));
		facts.parameter("ear-notification-threshold", EAR_NOTIFICATION_THRESHOLD);
		items.values().forEach(facts::insert);
		catalog.controls(facts, items.values(), asOf);
		Destination.facts(facts, transfer);
	}

	/**
	 * The item as the determination places it (a USML entry, an ECCN or EAR99); null when
	 * undetermined. An ECCN the bundle's CCL does not hold on the date is a 422 naming
	 * the facts.
	 */
	private ScreeningRequest.Item placed(ScreeningRequest.Item item, JurisdictionResult d, String at, LocalDate asOf) {
		return switch (d.outcome()) {
			case UNDETERMINED -> null;
			case USML -> new ScreeningRequest.Item(item.id(),
					new ScreeningRequest.Usml(d.usmlCategory(), d.usmlParagraph(), null, null, null, null, null), null,
					null, item.value(), null);
			case EAR99 -> new ScreeningRequest.Item(item.id(), null, null, true, item.value(), null);
			case SERIES_600, CCL -> {
				Matcher m = EarCatalog.ECCN.matcher(d.eccn());
				if (!m.matches() || !EarCatalog.inForce(data, m.group(1), asOf)) {
					throw InvalidInputException.unprocessable(at,
							"the determination places the item in ECCN " + d.eccn()
									+ ", which the rule bundle's Commerce Control List does not hold on " + asOf
									+ ": screen it by eccn once the bundle has the entry");
				}
				yield new ScreeningRequest.Item(item.id(), null, d.eccn(), null, item.value(), null);
			}
		};
	}

	@Override
	public ScreeningResult result(ScreeningRequest request, Decided decided) {
		List<NotificationResult> notifications = decided.all(NotificationResult.class);
		NotificationResult notification = notifications.isEmpty() ? null : notifications.get(0);
		Map<String, ScreeningOutcome> outcomes = new HashMap<>();
		for (ItemDecision d : decided.all(ItemDecision.class)) {
			ScreeningOutcome previous = outcomes.put(d.itemId(), d.outcome());
			if (previous != null && previous != d.outcome()) {
				throw new IllegalStateException("Item " + d.itemId() + " reached two outcomes: " + previous + ", "
						+ d.outcome() + ": the screening rules are not mutually exclusive");
			}
		}
		Map<String, List<String>> licenseTypes = group(decided.all(LicenseType.class), LicenseType::itemId,
				LicenseType::type);
		Map<String, Integer> rank = new HashMap<>();
		data.inForce(EXEMPTION_PREFERENCE, request.asOf())
			.forEach((r) -> rank.put(r.get("exemption"), Integer.valueOf(r.get("rank"))));
		Map<String, List<String>> exemptions = new HashMap<>();
		decided.all(ExemptionResult.class)
			.stream()
			.filter((e) -> "APPLIES".equals(e.status()))
			.sorted(Comparator.comparingInt((ExemptionResult e) -> rank.getOrDefault(e.code(), -1)))
			.forEach((e) -> exemptions.computeIfAbsent(e.itemId(), (k) -> new ArrayList<>()).add(e.code()));
		Map<String, List<LicenseExceptionCandidate>> exceptions = new HashMap<>();
		decided.all(LicenseExceptionCandidate.class)
			.stream()
			.sorted(Comparator.comparing(LicenseExceptionCandidate::code)
				.thenComparing(LicenseExceptionCandidate::citation))
			.forEach((c) -> exceptions.computeIfAbsent(c.itemId(), (k) -> new ArrayList<>()).add(c));
		Map<String, List<String>> missing = group(decided.all(ItemMissing.class), ItemMissing::itemId,
				ItemMissing::field);
		Map<String, List<Finding>> itemFindings = new HashMap<>();
		List<Finding> findings = new ArrayList<>();
		for (Explanation e : decided.explanations()) {
			if (e.itemId() == null) {
				findings.add(e.finding());
			}
			else {
				itemFindings.computeIfAbsent(e.itemId(), (k) -> new ArrayList<>()).add(e.finding());
			}
		}
		Map<String, JurisdictionResult> determinations = new HashMap<>();
		decided.all(ItemJurisdiction.class).forEach((j) -> determinations.put(j.itemId(), j.determination()));
		List<ScreeningResult.ItemResult> results = new ArrayList<>();
		ScreeningOutcome overall = ScreeningOutcome.NO_LICENSE_REQUIRED;
		for (int i = 0; i < request.items().size(); i++) {
			ScreeningRequest.Item item = request.items().get(i);
			JurisdictionResult determination = determinations.get(item.id());
			String prefix = "items[" + i + "].";
			if (determination != null && determination.outcome() == Outcome.UNDETERMINED) {
				overall = (ScreeningOutcome.UNDETERMINED.ordinal() < overall.ordinal()) ? ScreeningOutcome.UNDETERMINED
						: overall;
				results.add(new ScreeningResult.ItemResult(item.id(), "UNDETERMINED", ScreeningOutcome.UNDETERMINED,
						null, null, List.of(),
						List.of(prefix + "jurisdictionFacts." + determination.nextQuestion().field()), List.of(),
						determination));
				continue;
			}
			ScreeningOutcome outcome = outcomes.get(item.id());
			if (outcome == null) {
				throw new IllegalStateException("No rule decided item " + item.id());
			}
			if (outcome.ordinal() < overall.ordinal()) {
				overall = outcome;
			}
			List<String> itemMissing = (outcome != ScreeningOutcome.UNDETERMINED) ? List.of()
					: missing.getOrDefault(item.id(), List.of())
						.stream()
						.map((f) -> (f.startsWith("usml.") || f.startsWith("listedIn") || f.startsWith("eccn"))
								? prefix + f : f)
						.distinct()
						.sorted()
						.toList();
			List<String> types = licenseTypes.getOrDefault(item.id(), List.of());
			List<String> applied = exemptions.getOrDefault(item.id(), List.of());
			results
				.add(new ScreeningResult.ItemResult(item.id(), jurisdiction(item, determination), outcome,
						types.isEmpty() ? null : String.join(" or ", types.stream().distinct().toList()),
						(outcome == ScreeningOutcome.EXEMPT && !applied.isEmpty()) ? applied.get(0) : null,
						(outcome == ScreeningOutcome.LICENSE_REQUIRED) ? exceptions.getOrDefault(item.id(), List.of())
								: List.of(),
						itemMissing, itemFindings.getOrDefault(item.id(), List.of()), determination));
		}
		return new ScreeningResult(overall, results, notification, findings, request.asOf(),
				earNotice(request, decided));
	}

	/**
	 * The EAR notification of 0A501.a firearms, when an item is in 0A501 (15 CFR 743.6).
	 */
	private static ScreeningResult.EarNotice earNotice(ScreeningRequest request, Decided decided) {
		List<EarNotification> notices = decided.all(EarNotification.class);
		if (notices.isEmpty()) {
			return null;
		}
		EarNotification n = notices.get(0);
		Map<String, Integer> index = new HashMap<>();
		for (int i = 0; i < request.items().size(); i++) {
			index.put(request.items().get(i).id(), i);
		}
		List<String> missing = "UNDETERMINED".equals(n.outcome()) ? decided.all(EarNotificationMissing.class)
			.stream()
			.map((m) -> (m.itemId() == null) ? m.field() : "items[" + index.get(m.itemId()) + "]." + m.field())
			.distinct()
			.sorted()
			.toList() : List.of();
		return new ScreeningResult.EarNotice(n.outcome(), n.firearmsValue(), n.threshold(), n.citation(), missing);
	}

	private static String jurisdiction(ScreeningRequest.Item item, JurisdictionResult determination) {
		if (determination != null) {
			return determination.jurisdiction();
		}
		return (item.usml() != null) ? "ITAR" : "EAR";
	}

	private static <T> Map<String, List<String>> group(List<T> facts, Function<T, String> key,
			Function<T, String> value) {
		Map<String, List<String>> out = new HashMap<>();
		for (T f : facts) {
			out.computeIfAbsent(key.apply(f), (k) -> new ArrayList<>()).add(value.apply(f));
		}
		out.values().forEach((l) -> l.sort(Comparator.naturalOrder()));
		return out;
	}

}
