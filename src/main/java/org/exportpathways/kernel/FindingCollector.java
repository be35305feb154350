package org.exportpathways.kernel;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.exportpathways.domain.Finding;
import org.exportpathways.domain.Severity;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.RuleContext;

/**
 * The one typed helper rules explain themselves with. {@code explain} builds a
 * {@link Finding} from the firing rule's {@code @id}, name and {@code @citation} (and
 * optional {@code @severity}); rules insert it logically, so a conclusion the engine
 * later retracts takes its explanation with it. Per session: it numbers explanations in
 * firing order.
 */
public final class FindingCollector {

	/**
	 * A finding as a fact, numbered in firing order; {@code itemId} when it explains one
	 * item of a request.
	 */
	public record Explanation(long sequence, String itemId, Finding finding) {
	}

	private long sequence;

	private final Function<String, Optional<String>> countryNames;

	private final boolean explaining;

	/** A collector that names countries by their code only (no table given). */
	public FindingCollector() {
		this((code) -> Optional.empty());
	}

	/**
	 * A collector that names countries from {@code countryNames} (the bundle's countries
	 * table).
	 */
	public FindingCollector(Function<String, Optional<String>> countryNames) {
		this(countryNames, true);
	}

	private FindingCollector(Function<String, Optional<String>> countryNames, boolean explaining) {
		this.countryNames = countryNames;
		this.explaining = explaining;
	}

	/**
	 * A collector for decisions whose findings nobody reads (a batch that keeps outcomes
	 * only): {@code explain} answers null, so {@code insertLogical(findings.explain(..))}
	 * inserts nothing (Drools ignores a null logical insertion) and the session holds no
	 * explanation facts. Only for rules that insert their explanation straight away; a
	 * rule that reads the explanation it made (e.g. {@code e.finding()}) needs a
	 * collector that explains.
	 */
	public static FindingCollector silent(Function<String, Optional<String>> countryNames) {
		return new FindingCollector(countryNames, false);
	}

	/** Whether {@code explain} makes explanations (false: {@link #silent}). */
	public boolean explaining() {
		return explaining;
	}

	/**
	 * A country as an analyst files it, {@code Germany (DE)}: the name from the bundle's
	 * countries table and the code; the code alone when the table does not name it.
	 */
	public String country(Object code) {
		if (code == null) {
			return "an unknown country";
		}
		String c = code.toString();
		return countryNames.apply(c).map((name) -> name + " (" + c + ")").orElse(c);
	}

	/**
	 * Countries as {@link #country} names them, joined:
	 * {@code A (AA), B (BB) and C (CC)}.
	 */
	public String countries(Collection<?> codes) {
		if (codes == null || codes.isEmpty()) {
			return "no country";
		}
		List<String> names = codes.stream().map(this::country).toList();
		return (names.size() == 1) ? names.get(0)
				: String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
	}

	public Explanation explain(RuleContext kcontext, String message) {
		return explain(kcontext, null, message, null, null);
	}

	public Explanation explain(RuleContext kcontext, String message, LocalDate effectiveFrom, LocalDate effectiveTo) {
		return explain(kcontext, null, message, effectiveFrom, effectiveTo);
	}

	/**
	 * A finding citing {@code citation} (the more precise citation of the data row or
	 * parameter the rule used), or the rule's own {@code @citation} when it is null.
	 */
	public Explanation explain(RuleContext kcontext, String citation, String message, LocalDate effectiveFrom,
			LocalDate effectiveTo) {
		return explainItem(kcontext, null, citation, message, effectiveFrom, effectiveTo);
	}

	/** A finding about one item of the request. */
	public Explanation explainItem(RuleContext kcontext, String itemId, String message) {
		return explainItem(kcontext, itemId, null, message, null, null);
	}

	/**
	 * A finding about one item, citing {@code citation} (or the rule's own when null).
	 */
	public Explanation explainItem(RuleContext kcontext, String itemId, String citation, String message,
			LocalDate effectiveFrom, LocalDate effectiveTo) {
		if (!explaining) {
			return null;
		}
		Rule rule = kcontext.getRule();
		Map<String, Object> meta = rule.getMetaData();
		Object severity = meta.get("severity");
		return new Explanation(++sequence, itemId,
				new Finding(String.valueOf(meta.get("id")), rule.getName(),
						(citation != null) ? citation : String.valueOf(meta.get("citation")), message,
						(severity != null) ? Severity.valueOf(severity.toString()) : Severity.INFO, effectiveFrom,
						effectiveTo));
	}

	/**
	 * The findings that stand after firing, in the reading order of the rules that made
	 * them (the engine's firing order is an implementation detail), then in the order
	 * they were made; a rule that explained the same thing twice (same item, same
	 * message, e.g. from two matches) is reported once.
	 */
	public static List<Finding> findings(KieSession session, RuleEngine engine) {
		return explanations(session, engine).stream().map(Explanation::finding).toList();
	}

	/** The explanations that stand after firing, ordered as {@link #findings}. */
	public static List<Explanation> explanations(KieSession session, RuleEngine engine) {
		return explanations(session.getObjects(new ClassObjectFilter(Explanation.class)), engine);
	}

	/**
	 * {@code facts} (explanations) ordered as {@link #findings}: each rule's place in the
	 * bundle looked up once, then sorted; duplicates (same item, rule and message) left
	 * out.
	 */
	static List<Explanation> explanations(Collection<?> facts, RuleEngine engine) {
		int n = facts.size();
		if (n == 0) {
			return List.of();
		}
		Explanation[] items = new Explanation[n];
		int i = 0;
		for (Object o : facts) {
			Explanation e = (Explanation) o;
			items[i++] = e;
		}
		Integer[] order = new Integer[n];
		int[] ruleOrder = new int[n];
		for (int k = 0; k < n; k++) {
			order[k] = k;
			ruleOrder[k] = engine.ruleOrder(items[k].finding().rule());
		}
		java.util.Arrays.sort(order,
				Comparator.comparingInt((Integer k) -> ruleOrder[k]).thenComparingLong((k) -> items[k].sequence()));
		java.util.Set<List<Object>> seen = new java.util.HashSet<>();
		List<Explanation> out = new java.util.ArrayList<>(n);
		for (Integer k : order) {
			Explanation e = items[k];
			if (seen.add(java.util.Arrays.asList(e.itemId(), e.finding().ruleId(), e.finding().message()))) {
				out.add(e);
			}
		}
		return java.util.Collections.unmodifiableList(out);
	}

}
