package org.exportpathways.web;

import java.time.LocalDate;
import java.util.List;

import org.exportpathways.api.JurisdictionsApi;
import org.exportpathways.api.model.JurisdictionDeterminationDto;
import org.exportpathways.api.model.JurisdictionQuestionDto;
import org.exportpathways.api.model.JurisdictionRequestDto;
import org.exportpathways.domain.InvalidInputException;
import org.exportpathways.rollout.ActiveBundle;
import org.exportpathways.rollout.Snapshot;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * Implements the generated jurisdictions API (the contract is api/openapi.yaml).
 */
@RestController
public class JurisdictionController implements JurisdictionsApi {

	private final ActiveBundle bundles;

	private final JurisdictionMapper mapper;

	private final DecisionMetrics metrics;

	public JurisdictionController(ActiveBundle bundles, JurisdictionMapper mapper, DecisionMetrics metrics) {
		this.bundles = bundles;
		this.mapper = mapper;
		this.metrics = metrics;
	}

	@Override
	public ResponseEntity<JurisdictionDeterminationDto> determineJurisdiction(JurisdictionRequestDto request) {
		Snapshot bundle = bundles.current();
		return ResponseEntity.ok(metrics.timed("jurisdiction", () -> mapper
			.response(bundle.kernel().decide(bundle.jurisdictions(), mapper.request(request)), bundle.versionValue()),
				JurisdictionDeterminationDto::getOutcome));
	}

	@Override
	public ResponseEntity<List<JurisdictionQuestionDto>> listJurisdictionQuestions(LocalDate asOf) {
		Snapshot bundle = bundles.current();
		LocalDate date = (asOf != null) ? Dates.fourDigitYear(asOf, "asOf") : mapper.today();
		bundle.kernel().coverage(bundle.jurisdictions(), date, "asOf", "").ifPresent((e) -> {
			throw new InvalidInputException(List.of(e), true);
		});
		return ResponseEntity
			.ok(bundle.jurisdictions().questions(date).stream().map(JurisdictionMapper::question).toList());
	}

}
