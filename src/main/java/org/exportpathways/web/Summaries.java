package org.exportpathways.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

import org.exportpathways.bundle.ReferenceData;
import org.exportpathways.domain.Finding;
import org.exportpathways.domain.UnitedStates;
import org.exportpathways.kernel.Fmt;
import org.exportpathways.notification.NotificationFacts.ThresholdTest;
import org.exportpathways.notification.NotificationResult;
import org.exportpathways.notification.Outcome;
import org.exportpathways.notification.SimulationService;
import org.exportpathways.notification.Tier;
import org.exportpathways.qualification.QualificationResult;
import org.exportpathways.screening.CountryProfile;
import org.exportpathways.screening.FactNames;
import org.exportpathways.screening.ScreeningOutcome;
import org.exportpathways.screening.ScreeningRequest;
import org.exportpathways.screening.ScreeningResult;
import org.springframework.stereotype.Component;

/**
 * The one-paragraph, plain-language {@code summary} each response opens with: the verdict
 * in its first words (the outcome in plain words), then the legal basis that decided it,
 * built from the result and its deciding findings (their citations), or what is missing.
 * Never a verdict the result does not hold.
 */
@Component
public final class Summaries {

	/** The NATO organization as a recipient (not a country code). */
	private static final String NATO = "NATO";

	private final ReferenceData data;

	public Summaries(ReferenceData data) {
		this.data = data;
	}

	/** {@code Germany (DE)}, or the code when the bundle does not name it. */
	String country(String code) {
		if (code == null) {
			return "an unknown destination";
		}
		if (NATO.equals(code)) {
			return "the North Atlantic Treaty Organization";
		}
		return data.countryName(code).map((n) -> n + " (" + code + ")").orElse(code);
	}

	/** The outcome in plain words: {@code NOT_REQUIRED} reads "not required". */
	static String words(Enum<?> outcome) {
		return Fmt.words(outcome.name());
	}

	private static String capitalized(String s) {
		return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
	}

	// ---- congressional notification --------------------------------------------------

	private static String channel(String channel) {
		if (channel == null) {
			return "sale";
		}
		return switch (channel) {
			case "FMS" -> "Foreign Military Sale";
			case "DCS" -> "direct commercial sale (export license)";
			case "MANUFACTURING_AGREEMENT" -> "manufacturing license agreement";
			default -> Fmt.words(channel);
		};
	}

	/** Section 36(c) of the AECA (its U.S. Code citation comes with the findings). */
	private static String section(String section) {
		return "section " + section + " of the Arms Export Control Act";
	}

	String notification(String channel, String recipient, NotificationResult r) {
		String what = "the " + channel(channel) + " to " + country(recipient);
		String law = section(r.section());
		StringBuilder s = new StringBuilder("Notification " + words(r.outcome()) + ": ");
		switch (r.outcome()) {
			case REQUIRED -> {
				s.append(what).append(" needs certification to Congress under ").append(law).append(": ");
				if (r.triggeredBy().isEmpty()) {
					s.append("the agreement involves the manufacture abroad of significant military equipment, "
							+ "which that section covers whatever its value");
				}
				else {
					s.append(Fmt.list(r.triggeredBy().stream().map(Summaries::met).toList()));
				}
				s.append(paren(basis(r))).append(". ");
				if (r.reviewWaived()) {
					s.append("The review period is waived by the declared emergency; the certification must still be "
							+ "made.");
				}
				else if (r.reviewPeriodDays() != null) {
					s.append("Congress has ").append(r.reviewPeriodDays()).append(" calendar days to review.");
				}
			}
			case NOT_REQUIRED -> {
				s.append(what).append(" needs no certification under ").append(law).append(": ");
				s.append(r.thresholds().isEmpty()
						? "the agreement does not involve the manufacture abroad of significant military equipment."
						: "no threshold is met" + ((r.thresholdTier() != null)
								? " under the " + Tier.tierName(r.thresholdTier()) + " thresholds" : ""));
				s.append(paren(basis(r))).append('.');
			}
			case UNDETERMINED -> s.append("whether ")
				.append(what)
				.append(" needs certification under ")
				.append(law)
				.append(" depends on facts not given: ")
				.append(missing(r.missing()))
				.append(paren(basis(r)))
				.append('.');
		}
		return s.toString();
	}

	/**
	 * The legal basis of a notification decision: the citations of the thresholds met, or
	 * of the decision's own findings.
	 */
	private static String basis(NotificationResult r) {
		List<String> c = new ArrayList<>();
		for (ThresholdTest t : r.triggeredBy()) {
			r.thresholds()
				.stream()
				.filter((th) -> th.tier() == t.tier() && th.kind() == t.kind())
				.map((th) -> th.citation())
				.forEach(c::add);
		}
		if (c.isEmpty()) {
			r.findings()
				.stream()
				.filter((f) -> f.ruleId().startsWith("CN-DEC-"))
				.map(Finding::citation)
				.forEach(c::add);
		}
		return String.join("; ", c.stream().distinct().toList());
	}

	private static String paren(String citation) {
		return (citation == null || citation.isEmpty()) ? "" : " (" + citation + ")";
	}

	private static String met(ThresholdTest t) {
		return "the " + Tier.tierName(t.tier()) + " threshold of " + Fmt.usd(t.limit()) + " for "
				+ Fmt.words(t.kind().name()) + " is met" + ((t.value() != null) ? " (" + Fmt.usd(t.value()) + ")" : "");
	}

	/** Missing request fields as the questions they answer. */
	private static String missing(List<String> fields) {
		Set<String> questions = new LinkedHashSet<>();
		for (String f : fields) {
			String field = f.replaceFirst("^items\\[\\d*\\]\\.", "");
			String q = FactNames.describe(field);
			questions.add(q.startsWith("the unknown") ? "the " + Fmt.words(field) : q);
		}
		return questions.isEmpty() ? "the facts named in the findings" : Fmt.list(questions);
	}

	String simulation(SimulationService.Result r) {
		List<String> runs = new ArrayList<>();
		for (SimulationService.ScenarioRun run : r.scenarios()) {
			List<String> counts = new ArrayList<>();
			run.counts().forEach((o, n) -> counts.add(n + " " + words(o)));
			runs.add("\"" + run.name() + "\": " + Fmt.list(counts) + " of " + run.results().size() + " sales");
		}
		StringBuilder s = new StringBuilder("Notification by scenario: " + String.join("; ", runs) + ".");
		for (SimulationService.Changes c : r.changes()) {
			s.append(' ')
				.append(c.sales().size())
				.append((c.sales().size() == 1) ? " sale changes" : " sales change")
				.append(" outcome from \"")
				.append(c.fromScenario())
				.append("\" to \"")
				.append(c.toScenario())
				.append("\".");
		}
		return s.append(" Thresholds: section 36 of the Arms Export Control Act, as each scenario sets them.")
			.toString();
	}

	/** The totals of a batch job, in the words of {@link #simulation}. */
	public String simulationTotals(org.exportpathways.notification.SimulationRun.Summary r) {
		List<String> runs = new ArrayList<>();
		List<String> moves = new ArrayList<>();
		for (org.exportpathways.notification.SimulationRun.ScenarioSummary t : r.scenarios()) {
			List<String> counts = new ArrayList<>();
			t.counts().forEach((o, n) -> counts.add(n + " " + words(o)));
			String bounds = (t.required().min() == t.required().max()) ? "" : " (between " + t.required().min()
					+ " and " + t.required().max() + " need notification once the undetermined are decided)";
			runs.add("\"" + t.name() + "\": " + Fmt.list(counts) + " of " + r.sales() + " sales" + bounds);
			if (t.leavingReview() != null) {
				moves
					.add(t.changed() + ((t.changed() == 1) ? " sale changes" : " sales change") + " outcome from \""
							+ r.scenarios().get(0).name() + "\" to \"" + t.name() + "\"; " + t.leavingReview().count()
							+ " leave review, worth " + Fmt.usd(t.leavingReview().knownValue())
							+ ((t.leavingReview().unknownValueCount() > 0)
									? " plus " + t.leavingReview().unknownValueCount() + " of unknown value" : "")
							+ ".");
			}
		}
		StringBuilder s = new StringBuilder("Notification by scenario: " + String.join("; ", runs) + ".");
		moves.forEach((m) -> s.append(' ').append(capitalized(m)));
		return s.append(" Thresholds: section 36 of the Arms Export Control Act, as each scenario sets them.")
			.toString();
	}

	// ---- transfer screening ----------------------------------------------------------

	String screening(ScreeningRequest q, ScreeningResult r) {
		StringBuilder s = new StringBuilder(capitalized(words(r.outcome())) + ": the transfer to "
				+ country(q.destination()) + " on " + r.asOf() + "; ");
		List<String> items = new ArrayList<>();
		for (ScreeningResult.ItemResult i : r.items()) {
			items.add(item(q, i));
		}
		s.append(String.join("; ", items)).append('.');
		if (r.outcome() == ScreeningOutcome.PROHIBITED) {
			s.append(" Congressional notification is not assessed: section 36 of the Arms Export Control Act "
					+ "concerns licenses and approvals to be issued, and a policy of denial leaves none to notify.");
		}
		else if (r.notification() != null) {
			NotificationResult n = r.notification();
			s.append(" Congressional notification under section ")
				.append(n.section())
				.append(": ")
				.append(words(n.outcome()))
				.append((n.outcome() == Outcome.UNDETERMINED) ? ", " + missing(n.missing()) + " not given" : "")
				.append(paren(basis(n)))
				.append('.');
		}
		return s.toString();
	}

	private static String item(ScreeningRequest q, ScreeningResult.ItemResult i) {
		String entry = q.items()
			.stream()
			.filter((x) -> x.id().equals(i.id()))
			.findFirst()
			.map(Summaries::entry)
			.orElse(i.jurisdiction());
		String head = "item " + i.id() + " (" + entry + ", "
				+ ("UNDETERMINED".equals(i.jurisdiction()) ? "jurisdiction not determined" : i.jurisdiction()) + ")";
		List<Finding> f = i.findings();
		Predicate<Finding> denies = (x) -> !"INFO".equals(x.severity().name()) && x.ruleId().contains("-PRO-");
		String denial = f.stream()
			.filter(denies)
			.map((x) -> x.message().replaceFirst("\\.\\s+(?=[A-Z]).*$", "").replaceFirst("\\.$", ""))
			.findFirst()
			.orElse("a policy of denial");
		return head + switch (i.outcome()) {
			case PROHIBITED -> " is prohibited: " + denial + paren(citations(f, denies, ""))
					+ (("EAR".equals(i.jurisdiction())) ? ", no license exception" : ", no exemption");
			case EXEMPT -> " is exempt under ITAR section " + i.exemption() + " (no DDTC license needed)"
					+ paren(citations(f, (x) -> x.message().startsWith("Exemption " + i.exemption() + " applies"), ""));
			case LICENSE_REQUIRED -> " needs a license" + licenseRequired(i);
			case NO_LICENSE_REQUIRED ->
				" needs no license (" + ((i.licenseType() != null) ? i.licenseType() + "; " : "")
						+ citations(f, (x) -> lower(x.message()).contains("no license"), "") + ")";
			case UNDETERMINED -> " is undetermined: it depends on " + missing(i.missing());
		};
	}

	private static String licenseRequired(ScreeningResult.ItemResult i) {
		if ("ITAR".equals(i.jurisdiction())) {
			return ": "
					+ ((i.licenseType() != null) ? (i.licenseType().startsWith("M") ? "an " : "a ") + i.licenseType()
							: "a DDTC license or other approval")
					+ paren(citations(i.findings(), (x) -> x.ruleId().contains("-DEC-") || x.ruleId().contains("-LIC-"),
							""))
					+ ((i.licenseType() == null) ? ", its form depending on facts not given" : "");
		}
		String s = ": a BIS license"
				+ paren(citations(i.findings(), (x) -> lower(x.message()).contains("a license is required")
						|| lower(x.message()).contains("require a license"), ""));
		if (!i.licenseExceptions().isEmpty()) {
			List<String> codes = i.licenseExceptions().stream().map((c) -> c.code()).distinct().toList();
			s += (codes.size() == 1) ? ", unless license exception " + codes.get(0) + " is used under its conditions"
					: ", unless one of the license exceptions "
							+ Fmt.list(codes).replaceFirst(" and ([^ ]+)$", " or $1") + " is used under its conditions";
		}
		return s;
	}

	private static String entry(ScreeningRequest.Item i) {
		if (i.usml() != null) {
			return "USML Category " + i.usml().category()
					+ ((i.usml().paragraph() != null) ? "(" + i.usml().paragraph() + ")" : "");
		}
		if (i.eccn() != null) {
			return "ECCN " + i.eccn();
		}
		return Boolean.TRUE.equals(i.ear99()) ? "EAR99" : "item";
	}

	private static String lower(String s) {
		return s.toLowerCase(Locale.ROOT);
	}

	/** The distinct citations of the findings that decided, or {@code fallback}. */
	private static String citations(List<Finding> findings, Predicate<Finding> deciding, String fallback) {
		List<String> c = findings.stream().filter(deciding).map(Finding::citation).distinct().toList();
		return c.isEmpty() ? fallback : String.join("; ", c);
	}

	// ---- source qualification --------------------------------------------------------

	String qualification(String supplierCountry, QualificationResult r) {
		QualificationResult.Status q = r.qualifyingCountry();
		StringBuilder s = new StringBuilder();
		s.append(UnitedStates.ISO2.equals(supplierCountry)
				? "The supplier is in " + country(supplierCountry) + " (no qualifying-country status needed) on "
				: country(supplierCountry) + (q.value() ? " is" : " is not") + " an RDP qualifying country on ")
			.append(r.asOf())
			.append(" (")
			.append(q.citation())
			.append("). Buy American: ")
			.append(Fmt.words(r.buyAmerican().status()))
			.append(part(r.findings(), "PR-BA-", "", r.buyAmerican().missing()))
			.append(". Berry Amendment: ")
			.append(Fmt.words(r.berry().status()))
			.append(part(r.findings(), "PR-BY-", "", r.berry().missing()))
			.append(". Specialty metals: ")
			.append(Fmt.words(r.specialtyMetals().status()))
			.append(part(r.findings(), "PR-SM-", "", r.specialtyMetals().missing()))
			.append(". DPA domestic source: ")
			.append(dpa(r.dpa().status()))
			.append(part(r.findings(), "DP-DS-", "", r.dpa().missing()))
			.append('.');
		return s.toString();
	}

	private static String dpa(String status) {
		return switch (status) {
			case "YES" -> "yes";
			case "NO" -> "no";
			case "TITLE_III_ONLY" -> "for Title III only";
			default -> Fmt.words(status);
		};
	}

	/**
	 * The citation of the last finding of a part (its decision), else the part's statute;
	 * what is missing when it is undetermined.
	 */
	private static String part(List<Finding> findings, String prefix, String statute, List<String> missing) {
		List<Finding> own = findings.stream().filter((f) -> f.ruleId().startsWith(prefix)).toList();
		String citation = own.isEmpty() ? statute : own.get(own.size() - 1).citation();
		return paren(citation) + (missing.isEmpty() ? "" : ", depending on " + missing(missing));
	}

	// ---- country profile -------------------------------------------------------------

	String profile(CountryProfile p) {
		StringBuilder s = new StringBuilder(p.name() + " (" + p.code() + ") on " + p.asOf() + ": ");
		s.append(switch (p.itar1261Status()) {
			case "NOT_LISTED" -> "not listed in ITAR section 126.1";
			case "SUSPENDED" ->
				"listed in ITAR section 126.1 with its policy of denial suspended (" + p.itar1261().citation() + ")";
			default -> "listed in ITAR section 126.1 with a policy of " + Fmt.words(p.itar1261Status()) + " ("
					+ p.itar1261().citation() + "): defense articles and services are denied";
		});
		s.append("; EAR Country Groups: ")
			.append(Fmt.list(p.countryGroups().stream().map(Summaries::label).distinct().toList()));
		s.append(p.embargoes().isEmpty() ? "; no EAR embargo" : "; under EAR embargo or sanctions ("
				+ String.join("; ", p.embargoes().stream().map(CountryProfile.Fact::citation).distinct().toList())
				+ ")");
		boolean denied = !"NOT_LISTED".equals(p.itar1261Status()) && !"SUSPENDED".equals(p.itar1261Status());
		if (denied) {
			s.append("; ITAR exemptions are not available where the 126.1 denial applies (ITAR section 126.1(a))");
		}
		else if (!p.itarExemptions().isEmpty()) {
			s.append("; ITAR exemptions tied to the country: ")
				.append(Fmt.list(p.itarExemptions().stream().map(Summaries::label).distinct().toList()));
		}
		if (!p.memberships().isEmpty()) {
			s.append("; memberships: ")
				.append(Fmt.list(p.memberships().stream().map(Summaries::label).distinct().toList()));
		}
		return s.append('.').toString();
	}

	private static final java.util.regex.Pattern CONSTANT = java.util.regex.Pattern
		.compile("\\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\\b");

	private static final java.util.regex.Pattern ACRONYM = java.util.regex.Pattern
		.compile("\\b(nato|rdp|dpa|aeca|aukus|un|eu)\\b");

	/**
	 * A profile fact's name as words: {@code RDP_QUALIFYING_COUNTRY} reads "RDP
	 * qualifying country"; names that are law already (A:5, 126.16) stay.
	 */
	private static String label(CountryProfile.Fact fact) {
		String name = fact.name();
		if ("NATO_PLUS_5".equals(name)) {
			return "NATO+5 (AECA section 36)";
		}
		return CONSTANT.matcher(name)
			.replaceAll((c) -> ACRONYM.matcher(Fmt.words(c.group()))
				.replaceAll((r) -> r.group(1).toUpperCase(Locale.ROOT)));
	}

}
