package org.exportpathways.kernel;

import java.time.LocalDate;
import java.util.List;

import org.exportpathways.bundle.ReferenceData;
import org.exportpathways.domain.InputError;

/**
 * A request one regime decides. It knows its business date and checks itself against the
 * bundle's reference data: request validation lives with the request type, not in a
 * service.
 */
public interface DecisionRequest {

	/** The business date the law is applied as of. */
	LocalDate asOf();

	/**
	 * What the rules cannot take (each a 400 naming its field, under {@code prefix}, the
	 * JSON path of the request in a batch: "" for a single request).
	 */
	List<InputError> check(ReferenceData data, String prefix);

	/**
	 * Well-formed input the bundle cannot decide on as of the request's date (each a
	 * 422), checked after the coverage: e.g. an entry of a list that is not in force on
	 * that date. None by default.
	 */
	default List<InputError> checkInForce(ReferenceData data, String prefix) {
		return List.of();
	}

}
