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
import org.exportpathways.screening.ScreeningRequest;
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

	public ScreeningController(Kernel kernel, ScreeningRegime screening, CountryProfileService profiles,
			ScreeningMapper mapper, RulesetVersion version) {
		this.kernel = kernel;
		this.screening = screening;
		this.profiles = profiles;
		this.mapper = mapper;
		this.version = version;
	}

	@Override
	public ResponseEntity<ScreeningResponseDto> screenTransfer(ScreeningRequestDto request) {
		ScreeningRequest q = mapper.request(request);
		return ResponseEntity.ok(mapper.response(q, kernel.decide(screening, q), version.value()));
	}

	@Override
	public ResponseEntity<CountryProfileDto> getCountryProfile(String code, LocalDate asOf) {
		return ResponseEntity
			.ok(mapper.profile(profiles.profile(code, (asOf != null) ? asOf : mapper.today()), version.value()));
	}

}
