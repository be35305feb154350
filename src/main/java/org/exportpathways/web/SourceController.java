package org.exportpathways.web;

import org.exportpathways.api.SourcesApi;
import org.exportpathways.api.model.QualificationRequestDto;
import org.exportpathways.api.model.QualificationResponseDto;
import org.exportpathways.rollout.ActiveBundle;
import org.exportpathways.rollout.Snapshot;
import org.exportpathways.qualification.QualificationRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** Implements the generated sources API (the contract is api/openapi.yaml). */
@RestController
public class SourceController implements SourcesApi {

	private final ActiveBundle bundles;

	private final SourceMapper mapper;

	private final DecisionMetrics metrics;

	public SourceController(ActiveBundle bundles, SourceMapper mapper, DecisionMetrics metrics) {
		this.bundles = bundles;
		this.metrics = metrics;
		this.mapper = mapper;
	}

	@Override
	public ResponseEntity<QualificationResponseDto> qualifySource(QualificationRequestDto request) {
		Snapshot bundle = bundles.current();
		QualificationRequest q = mapper.request(request);
		return ResponseEntity.ok(metrics.timed("qualification",
				() -> mapper.response(q, bundle.kernel().decide(bundle.sources(), q), bundle.versionValue()),
				(r) -> (r.getBuyAmerican() != null) ? r.getBuyAmerican().getStatus() : "NONE"));
	}

}
