package org.exportpathways.web;

import org.springframework.http.HttpStatus;

/**
 * A request over one of the {@link RequestLimits}: answered with {@code status} and a
 * problem naming the field (or {@code $} for the body) and the setting.
 */
public class LimitExceededException extends RuntimeException {

	private final HttpStatus status;

	private final String field;

	private final String setting;

	public LimitExceededException(HttpStatus status, String field, String setting, String message) {
		super(message, null, false, false);
		this.status = status;
		this.field = field;
		this.setting = setting;
	}

	public HttpStatus status() {
		return this.status;
	}

	public String field() {
		return this.field;
	}

	/**
	 * The property that sets the limit, e.g.
	 * {@code exportpathways.limits.simulation-sales}.
	 */
	public String setting() {
		return this.setting;
	}

}
