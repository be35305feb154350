package org.exportpathways.domain;

import java.util.List;

/**
 * Input the rules cannot take. {@code unprocessable} separates well-formed input the
 * bundle cannot decide on (a date before its coverage, an index year without data: 422)
 * from plainly invalid input (400).
 */
public class InvalidInputException extends RuntimeException {

	private final List<InputError> errors;

	private final boolean unprocessable;

	public InvalidInputException(List<InputError> errors, boolean unprocessable) {
		super(errors.stream()
			.limit(20)
			.map((e) -> e.field() + ": " + e.message())
			.reduce((a, b) -> a + "; " + b)
			.orElse("") + ((errors.size() > 20) ? "; and " + (errors.size() - 20) + " more" : ""));
		this.errors = List.copyOf(errors);
		this.unprocessable = unprocessable;
	}

	public static InvalidInputException invalid(String field, String message) {
		return new InvalidInputException(List.of(new InputError(field, message)), false);
	}

	public static InvalidInputException unprocessable(String field, String message) {
		return new InvalidInputException(List.of(new InputError(field, message)), true);
	}

	public List<InputError> errors() {
		return errors;
	}

	public boolean unprocessable() {
		return unprocessable;
	}

}
