package org.exportpathways.web;

import java.time.LocalDate;
import java.util.List;

import org.exportpathways.api.JurisdictionsApi;
import org.exportpathways.api.model.JurisdictionDeterminationDto;
import org.exportpathways.api.model.JurisdictionQuestionDto;
import org.exportpathways.api.model.JurisdictionRequestDto;
import org.exportpathways.bundle.RulesetVersion;
import org.exportpathways.domain.InvalidInputException;
import org.exportpathways.jurisdiction.JurisdictionRegime;
import org.exportpathways.kernel.Kernel;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * Implements the generated jurisdictions API (the contract is api/openapi.yaml).
 */
@RestController
public class JurisdictionController implements JurisdictionsApi {

	private final Kernel kernel;

	private final JurisdictionRegime jurisdictions;

	private final JurisdictionMapper mapper;

	private final RulesetVersion version;

	public JurisdictionController(Kernel kernel, JurisdictionRegime jurisdictions, JurisdictionMapper mapper,
			RulesetVersion version) {
		this.kernel = kernel;
		this.jurisdictions = jurisdictions;
		this.mapper = mapper;
		this.version = version;
	}

	@Override
	public ResponseEntity<JurisdictionDeterminationDto> determineJurisdiction(JurisdictionRequestDto request) {
		return ResponseEntity
			.ok(mapper.response(kernel.decide(jurisdictions, mapper.request(request)), version.value()));
	}

	@Override
	public ResponseEntity<List<JurisdictionQuestionDto>> listJurisdictionQuestions(LocalDate asOf) {
		LocalDate date = (asOf != null) ? asOf : mapper.today();
		kernel.coverage(jurisdictions, date, "asOf", "").ifPresent((e) -> {
			throw new InvalidInputException(List.of(e), true);
		});
		return ResponseEntity.ok(jurisdictions.questions(date).stream().map(JurisdictionMapper::question).toList());
	}

}
