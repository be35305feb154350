package org.exportpathways.web;

import org.exportpathways.api.SourcesApi;
import org.exportpathways.api.model.QualificationRequestDto;
import org.exportpathways.api.model.QualificationResponseDto;
import org.exportpathways.bundle.RulesetVersion;
import org.exportpathways.kernel.Kernel;
import org.exportpathways.qualification.QualificationRegime;
import org.exportpathways.qualification.QualificationRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** Implements the generated sources API (the contract is api/openapi.yaml). */
@RestController
public class SourceController implements SourcesApi {

	private final Kernel kernel;

	private final QualificationRegime sources;

	private final SourceMapper mapper;

	private final RulesetVersion version;

	public SourceController(Kernel kernel, QualificationRegime sources, SourceMapper mapper, RulesetVersion version) {
		this.kernel = kernel;
		this.sources = sources;
		this.mapper = mapper;
		this.version = version;
	}

	@Override
	public ResponseEntity<QualificationResponseDto> qualifySource(QualificationRequestDto request) {
		QualificationRequest q = mapper.request(request);
		return ResponseEntity.ok(mapper.response(q, kernel.decide(sources, q), version.value()));
	}

}
