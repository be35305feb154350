package org.exportpathways.kernel;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

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
	 * The first business date the bundle covers for the regime: the latest coverage start
	 * of its packs.
	 */
	public LocalDate coversFrom(Regime<?, ?> regime) {
		return data.coversFrom(regime.packs());
	}

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
