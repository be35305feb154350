package org.exportpathways.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON value refused while it is read, before any validation: a number with too many
 * digits, a date with more than four digits of year, a duplicated item of a list whose
 * items must be unique. Its message is written for the client (it never echoes the
 * value).
 */
public class LimitedInputException extends MismatchedInputException {

	private final String setting;

	LimitedInputException(JsonParser p, String message, String setting) {
		super(p, message, (Class<?>) null);
		this.setting = setting;
	}

	/**
	 * The setting of the limit refused, or {@code null} when it is a rule of the
	 * contract.
	 */
	public String setting() {
		return this.setting;
	}

}
