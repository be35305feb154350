package org.exportpathways.web;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.exportpathways.api.model.SimulationRequestDto;
import org.exportpathways.bench.ValidationBenchmark;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Request validation is linear in the batch: no cascade into the enum instances every
 * sale shares (api/templates/README.md). 20,000 sales took 46 s before; here well under a
 * second (the JMH figures are in README, "Benchmarks").
 */
class LinearValidationTests {

	private static long best(Validator validator, SimulationRequestDto request) {
		long best = Long.MAX_VALUE;
		for (int i = 0; i < 5; i++) {
			long start = System.nanoTime();
			assertThat(validator.validate(request)).isEmpty();
			best = Math.min(best, System.nanoTime() - start);
		}
		return best;
	}

	@Test
	void twentyThousandSalesValidateInWellUnderASecond() {
		try (ValidatorFactory factory = Validation.buildDefaultValidatorFactory()) {
			Validator validator = factory.getValidator();
			long small = best(validator, ValidationBenchmark.request(2_000));
			long large = best(validator, ValidationBenchmark.request(20_000));
			System.out.printf("Validated 2,000 sales in %d ms, 20,000 in %d ms%n", small / 1_000_000,
					large / 1_000_000);
			// quadratic would be 100 times; linear 10 (timer noise on a loaded machine
			// aside)
			assertThat(large).as("20,000 sales against 2,000").isLessThan(30 * Math.max(small, 1_000_000));
			// 46 s before; under a second on an idle machine (JMH), bounded here for busy
			// CI
			assertThat(large / 1_000_000).as("ms to validate 20,000 sales").isLessThan(3000);
		}
	}

}
