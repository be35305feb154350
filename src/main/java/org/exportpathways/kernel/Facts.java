package org.exportpathways.kernel;

import java.time.LocalDate;

import org.exportpathways.bundle.Parameter;
import org.exportpathways.bundle.ReferenceData;
import org.exportpathways.domain.DatedValue;
import org.kie.api.runtime.KieSession;

/**
 * Where a regime puts its facts: the session being loaded, with the reference data and
 * the business date.
 */
public final class Facts {

	private final Kernel kernel;

	private final KieSession session;

	private final ReferenceData data;

	private final LocalDate asOf;

	Facts(Kernel kernel, KieSession session, LocalDate asOf) {
		this.kernel = kernel;
		this.session = session;
		this.data = kernel.data();
		this.asOf = asOf;
	}

	/**
	 * Another regime's decision as a fact of this one (e.g. a screening's
	 * congressional-notification decision): decided on its own session, checked already;
	 * {@code prefix} is the JSON path of its part of the request.
	 */
	public <Q extends DecisionRequest, R> R decide(Regime<Q, R> regime, Q request, String prefix) {
		return kernel.decideChecked(regime, request, prefix);
	}

	public void insert(Object fact) {
		session.insert(fact);
	}

	public ReferenceData data() {
		return data;
	}

	public LocalDate asOf() {
		return asOf;
	}

	/**
	 * Inserts the value of parameter {@code id} in force on the business date, as a
	 * {@link DatedValue} the rules match by {@code key}; nothing when no value is in
	 * force (the rules then treat it as absent, never as zero).
	 */
	public void parameter(String key, String id) {
		Parameter p = data.parameter(id);
		p.at(asOf).ifPresent((v) -> session.insert(new DatedValue(key, id, v.value(), data.citation(id), v.since())));
	}

}
