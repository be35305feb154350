package org.exportpathways.web;

import java.time.LocalDate;

import org.exportpathways.api.CountriesApi;
import org.exportpathways.api.TransfersApi;
import org.exportpathways.api.model.CountryProfileDto;
import org.exportpathways.api.model.ScreeningRequestDto;
import org.exportpathways.api.model.ScreeningResponseDto;
import org.exportpathways.bundle.RulesetVersion;
import org.exportpathways.screening.CountryProfileService;
import org.exportpathways.kernel.Kernel;
import org.exportpathways.screening.ScreeningRegime;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * Implements the generated transfers and countries APIs (the contract is
 * api/openapi.yaml).
 */
@RestController
public class ScreeningController implements TransfersApi, CountriesApi {

	private final Kernel kernel;

	private final ScreeningRegime screening;

	private final CountryProfileService profiles;

	private final ScreeningMapper mapper;

	private final RulesetVersion version;

	private final DecisionMetrics metrics;

	public ScreeningController(Kernel kernel, ScreeningRegime screening, CountryProfileService profiles,
			ScreeningMapper mapper, RulesetVersion version, DecisionMetrics metrics) {
		this.metrics = metrics;
		this.kernel = kernel;
		this.screening = screening;
		this.profiles = profiles;
		this.mapper = mapper;
		this.version = version;
	}

	@Override
	public ResponseEntity<ScreeningResponseDto> screenTransfer(ScreeningRequestDto request) {
		return ResponseEntity.ok(metrics.timed("screening",
				() -> mapper.response(kernel.decide(screening, mapper.request(request)), version.value()),
				ScreeningResponseDto::getOutcome));
	}

	@Override
	public ResponseEntity<CountryProfileDto> getCountryProfile(String code, LocalDate asOf) {
		LocalDate date = (asOf != null) ? Dates.fourDigitYear(asOf, "asOf") : mapper.today();
		return ResponseEntity.ok(mapper.profile(profiles.profile(code, date), version.value()));
	}

}
