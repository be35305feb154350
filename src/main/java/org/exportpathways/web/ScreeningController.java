package org.exportpathways.web;

import java.time.LocalDate;

import org.exportpathways.api.CountriesApi;
import org.exportpathways.api.TransfersApi;
import org.exportpathways.api.model.CountryProfileDto;
import org.exportpathways.api.model.ScreeningRequestDto;
import org.exportpathways.api.model.ScreeningResponseDto;
import org.exportpathways.rollout.ActiveBundle;
import org.exportpathways.rollout.Snapshot;
import org.exportpathways.screening.ScreeningRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * Implements the generated transfers and countries APIs (the contract is
 * api/openapi.yaml).
 */
@RestController
public class ScreeningController implements TransfersApi, CountriesApi {

	private final ActiveBundle bundles;

	private final ScreeningMapper mapper;

	private final DecisionMetrics metrics;

	public ScreeningController(ActiveBundle bundles, ScreeningMapper mapper, DecisionMetrics metrics) {
		this.bundles = bundles;
		this.metrics = metrics;
		this.mapper = mapper;
	}

	@Override
	public ResponseEntity<ScreeningResponseDto> screenTransfer(ScreeningRequestDto request) {
		Snapshot bundle = bundles.current();
		ScreeningRequest q = mapper.request(request);
		return ResponseEntity.ok(metrics.timed("screening",
				() -> mapper.response(q, bundle.kernel().decide(bundle.screening(), q), bundle.versionValue()),
				ScreeningResponseDto::getOutcome));
	}

	@Override
	public ResponseEntity<CountryProfileDto> getCountryProfile(String code, LocalDate asOf) {
		Snapshot bundle = bundles.current();
		LocalDate date = (asOf != null) ? Dates.fourDigitYear(asOf, "asOf") : mapper.today();
		return ResponseEntity.ok(mapper.profile(bundle.profiles().profile(code, date), bundle.versionValue()));
	}

}
