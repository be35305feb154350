package org.exportpathways.kernel;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

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
	 * they were made.
	 */
	public static List<Finding> findings(KieSession session, RuleEngine engine) {
		return explanations(session, engine).stream().map(Explanation::finding).toList();
	}

	/** The explanations that stand after firing, ordered as {@link #findings}. */
	public static List<Explanation> explanations(KieSession session, RuleEngine engine) {
		Collection<?> facts = session.getObjects(new ClassObjectFilter(Explanation.class));
		return facts.stream()
			.map(Explanation.class::cast)
			.sorted(Comparator.comparingInt((Explanation e) -> engine.ruleOrder(e.finding().rule()))
				.thenComparingLong(Explanation::sequence))
			.toList();
	}

}
