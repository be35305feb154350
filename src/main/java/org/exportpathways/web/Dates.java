package org.exportpathways.web;

import java.time.LocalDate;
import java.util.List;

import org.exportpathways.domain.InputError;
import org.exportpathways.domain.InvalidInputException;

/** Dates given as request parameters: four digits of year, as in the JSON bodies. */
final class Dates {

	private Dates() {
	}

	static LocalDate fourDigitYear(LocalDate date, String field) {
		if (date != null && (date.getYear() < 1 || date.getYear() > 9999)) {
			throw new InvalidInputException(
					List.of(new InputError(field, "not a valid date (yyyy-mm-dd, a day that exists)")), false);
		}
		return date;
	}

}
