package org.exportpathways.web;

import java.util.List;

import org.exportpathways.domain.InputError;
import org.springframework.http.HttpStatus;

/**
 * A refusal with its HTTP status, answered as problem+json by {@link ProblemHandler}.
 */
public class ApiProblem extends RuntimeException {

	private final HttpStatus status;

	private final List<InputError> errors;

	public ApiProblem(HttpStatus status, String detail, List<InputError> errors) {
		super(detail);
		this.status = status;
		this.errors = List.copyOf(errors);
	}

	public ApiProblem(HttpStatus status, String detail) {
		this(status, detail, List.of());
	}

	public HttpStatus status() {
		return status;
	}

	public List<InputError> errors() {
		return errors;
	}

}
