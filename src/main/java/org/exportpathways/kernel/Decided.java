package org.exportpathways.kernel;

import java.util.Collection;
import java.util.List;

import org.exportpathways.domain.Finding;
import org.exportpathways.kernel.FindingCollector.Explanation;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;

/**
 * A fired session as a regime reads it: the facts that stand and the findings that
 * explain them.
 */
public final class Decided {

	private final KieSession session;

	private final RuleEngine engine;

	Decided(KieSession session, RuleEngine engine) {
		this.session = session;
		this.engine = engine;
	}

	/** The facts of one type that stand after firing. */
	@SuppressWarnings("unchecked")
	public <T> List<T> all(Class<T> type) {
		Collection<?> objects = session.getObjects(new ClassObjectFilter(type));
		return (List<T>) List.copyOf(objects);
	}

	/**
	 * The single fact of one type; an error naming the regime's rules when there are none
	 * or several.
	 */
	public <T> T one(Class<T> type, String rules) {
		List<T> facts = all(type);
		if (facts.size() != 1) {
			throw new IllegalStateException("The " + rules + " rules reached " + facts.size() + " "
					+ type.getSimpleName() + " facts: they are not mutually exclusive or not complete");
		}
		return facts.get(0);
	}

	/**
	 * The findings, in the policy's reading order (see
	 * {@link FindingCollector#findings}).
	 */
	public List<Finding> findings() {
		return FindingCollector.findings(session, engine);
	}

	/** The explanations (findings with the item they explain), in the same order. */
	public List<Explanation> explanations() {
		return FindingCollector.explanations(session, engine);
	}

}
