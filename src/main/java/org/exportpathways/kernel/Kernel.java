package org.exportpathways.kernel;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

import org.exportpathways.bundle.ReferenceData;
import org.exportpathways.domain.InputError;
import org.exportpathways.domain.InvalidInputException;

/**
 * The one path every decision takes: request checks → coverage → facts → fire → findings
 * → result. A regime supplies only its request type, its facts and how it reads its
 * result ({@link Regime}).
 */
public final class Kernel {

	private final RuleEngine engine;

	private final ReferenceData data;

	public Kernel(RuleEngine engine, ReferenceData data) {
		this.engine = engine;
		this.data = data;
	}

	public ReferenceData data() {
		return data;
	}

	public RuleEngine engine() {
		return engine;
	}

	/**
	 * Decides one request: its own checks (400 naming every field at fault), the bundle's
	 * coverage of its date (422), then the rules.
	 */
	public <Q extends DecisionRequest, R> R decide(Regime<Q, R> regime, Q request) {
		List<InputError> errors = request.check(data, "");
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors, false);
		}
		return decideChecked(regime, request, "");
	}

	/**
	 * Decides a request already checked (a batch checks all its requests first): the
	 * coverage of its date (422 naming {@code prefix + "asOf"}), then the rules.
	 */
	public <Q extends DecisionRequest, R> R decideChecked(Regime<Q, R> regime, Q request, String prefix) {
		LocalDate asOf = request.asOf();
		coverage(regime, asOf, prefix + "asOf", "").ifPresent((e) -> {
			throw new InvalidInputException(List.of(e), true);
		});
		List<InputError> notInForce = request.checkInForce(data, prefix);
		if (!notInForce.isEmpty()) {
			throw new InvalidInputException(notInForce, true);
		}
		return engine.decide(data::countryName, (session) -> {
			regime.facts(request, new Facts(this, session, asOf));
			session.fireAllRules();
			return regime.result(request, new Decided(session, engine));
		});
	}

	/**
	 * Decides a chunk of requests already checked (as {@link #decideChecked} each), in
	 * their order, on one session of the engine reset between two requests: the facts of
	 * two requests never meet. The batch entry point: one pooled session for the chunk,
	 * the coverage computed once, and, with {@code findings} false, rules that explain
	 * nothing ({@link FindingCollector#silent}: every result has no findings), which
	 * roughly halves the facts a decision inserts. Without findings, only for regimes
	 * whose rules insert their explanations straight away (notification, screening's own
	 * rules; not jurisdiction). {@code prefixes} gives the JSON path of request {@code i}
	 * for the errors (422 naming {@code prefixes.apply(i) + "asOf"}); the first error
	 * stops the chunk. Callers spread chunks over threads (one session per chunk and
	 * thread; a chunk of a few thousand keeps the pool's overhead negligible).
	 */
	public <Q extends DecisionRequest, R> List<R> decideAll(Regime<Q, R> regime, List<? extends Q> requests,
			IntFunction<String> prefixes, boolean findings) {
		LocalDate from = coversFrom(regime);
		for (int i = 0; i < requests.size(); i++) {
			Q request = requests.get(i);
			if (request.asOf().isBefore(from)) {
				coverage(regime, request.asOf(), prefixes.apply(i) + "asOf", "").ifPresent((e) -> {
					throw new InvalidInputException(List.of(e), true);
				});
			}
			List<InputError> notInForce = request.checkInForce(data, prefixes.apply(i));
			if (!notInForce.isEmpty()) {
				throw new InvalidInputException(notInForce, true);
			}
		}
		Object[] results = new Object[requests.size()];
		engine.decideEach(requests.size(),
				() -> findings ? new FindingCollector(data::countryName) : FindingCollector.silent(data::countryName),
				(i, session) -> {
					Q request = requests.get(i);
					regime.facts(request, new Facts(this, session, request.asOf()));
					session.fireAllRules();
					results[i] = regime.result(request, new Decided(session, engine));
				});
		@SuppressWarnings("unchecked")
		List<R> list = (List<R>) Arrays.asList(results);
		return Collections.unmodifiableList(list);
	}

	/**
	 * The first business date the bundle covers for the regime: the latest coverage start
	 * of its packs.
	 */
	public LocalDate coversFrom(Regime<?, ?> regime) {
		return covers.computeIfAbsent(regime.packs(), data::coversFrom);
	}

	/** Coverage start by the packs of a regime (the packs never change). */
	private final Map<List<String>, LocalDate> covers = new ConcurrentHashMap<>();

	/**
	 * The 422 error for a date before the regime's coverage, naming {@code field};
	 * {@code note} is added to the message (e.g. where the date came from).
	 */
	public Optional<InputError> coverage(Regime<?, ?> regime, LocalDate asOf, String field, String note) {
		LocalDate from = coversFrom(regime);
		if (!asOf.isBefore(from)) {
			return Optional.empty();
		}
		return Optional.of(new InputError(field,
				"the rule bundle covers " + regime.subject() + " from " + from + "; " + asOf + note + " is earlier"));
	}

}
