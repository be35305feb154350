package org.exportpathways.notification;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.exportpathways.bundle.ReferenceData;
import org.exportpathways.domain.InputError;
import org.exportpathways.kernel.DecisionRequest;

/** One sale under one threshold scenario. */
public record NotificationRequest(SaleCase sale, Scenario scenario) implements DecisionRequest {

	@Override
	public LocalDate asOf() {
		return sale.asOf();
	}

	@Override
	public List<InputError> check(ReferenceData data, String prefix) {
		List<InputError> errors = new ArrayList<>(sale.check(data, prefix));
		errors.addAll(scenario.check(prefix + "scenario"));
		return errors;
	}

}
