package org.exportpathways.kernel;

import java.util.List;

/**
 * What one regime supplies to the {@link Kernel}: the packs whose rules decide it (their
 * coverage is checked), the facts a request puts in the session, and how the result is
 * read back. Everything else (coverage, session, firing, findings) is the kernel's.
 *
 * @param <Q> the request
 * @param <R> the result
 */
public interface Regime<Q extends DecisionRequest, R> {

	/** The regime's name in messages ("screenings", "source qualifications"). */
	String subject();

	/** The packs of the bundle whose rules decide this regime ({@code rules/<pack>/}). */
	List<String> packs();

	/** Inserts the request's facts and the reference data in force on its date. */
	void facts(Q request, Facts facts);

	/** Reads the result from the fired session. */
	R result(Q request, Decided decided);

}
