package org.exportpathways.web;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.exportpathways.api.DecisionsApi;
import org.exportpathways.api.model.DecisionPageDto;
import org.exportpathways.api.model.DecisionRecordDto;
import org.exportpathways.api.model.DecisionSummaryDto;
import org.exportpathways.api.model.FindingRefDto;
import org.exportpathways.api.model.ReplayDto;
import org.exportpathways.domain.InputError;
import org.exportpathways.records.DecisionQuery;
import org.exportpathways.records.DecisionRecord;
import org.exportpathways.records.DecisionRepository;
import org.exportpathways.rollout.ActiveBundle;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** Implements the generated decisions API: the records, searched and replayed. */
@RestController
public class DecisionsController implements DecisionsApi, NotADecision {

	private final DecisionRepository repository;

	private final DecisionOperations operations;

	private final ActiveBundle bundles;

	private final JsonMapper json;

	public DecisionsController(DecisionRepository repository, DecisionOperations operations, ActiveBundle bundles,
			JsonMapper json) {
		this.repository = repository;
		this.operations = operations;
		this.bundles = bundles;
		this.json = json;
	}

	@Override
	public ResponseEntity<DecisionRecordDto> getDecision(String decisionId) {
		DecisionRecord r = find(decisionId);
		DecisionRecordDto dto = new DecisionRecordDto();
		dto.setDecisionId(r.id());
		dto.setKind(r.kind());
		dto.setReceivedAt(OffsetDateTime.ofInstant(r.receivedAt(), ZoneOffset.UTC));
		dto.setRulesetVersion(r.rulesetVersion());
		dto.setAsOf(r.asOf());
		dto.setOutcome(r.outcome());
		dto.setCountry(r.country());
		dto.setRequest(map(r.request()));
		dto.setResponse(map(r.response()));
		return ResponseEntity.ok(dto);
	}

	@Override
	public ResponseEntity<DecisionPageDto> listDecisions(String kind, String outcome, String country,
			OffsetDateTime from, OffsetDateTime to, String cursor, Integer limit) {
		DecisionRepository.Page page = repository
			.page(new DecisionQuery(kind, outcome, country, (from != null) ? from.toInstant() : null,
					(to != null) ? to.toInstant() : null, cursor(cursor), (limit != null) ? limit : 50));
		DecisionPageDto dto = new DecisionPageDto();
		dto.setItems(page.items().stream().map(DecisionsController::summary).toList());
		if (page.next() != null) {
			dto.setNextCursor(Base64.getUrlEncoder().withoutPadding().encodeToString(("s" + page.next()).getBytes()));
		}
		return ResponseEntity.ok(dto);
	}

	@Override
	public ResponseEntity<ReplayDto> replayDecision(String decisionId) {
		DecisionRecord r = find(decisionId);
		DecisionOperations.Redecided now = operations.redecide(r, bundles.current());
		ReplayDto dto = new ReplayDto();
		dto.setDecisionId(r.id());
		dto.setKind(r.kind());
		dto.setAsOf(r.asOf());
		dto.setRecordedRulesetVersion(r.rulesetVersion());
		dto.setRulesetVersion(now.rulesetVersion());
		dto.setRecordedOutcome(r.outcome());
		dto.setOutcome(now.outcome());
		dto.setOutcomeChanged(now.outcomeChanged(r.outcome()));
		dto.setFindingsAdded(now.added().stream().map(DecisionsController::finding).toList());
		dto.setFindingsRemoved(now.removed().stream().map(DecisionsController::finding).toList());
		dto.setResponse(json.convertValue(now.response(), Map.class));
		return ResponseEntity.ok(dto);
	}

	private DecisionRecord find(String id) {
		return repository.find(id)
			.orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "No decision is recorded under this id.",
					List.of(new InputError("decisionId", "no decision '" + id + "' is recorded"))));
	}

	static Long cursor(String cursor) {
		if (cursor == null || cursor.isBlank()) {
			return null;
		}
		try {
			String s = new String(Base64.getUrlDecoder().decode(cursor));
			if (!s.startsWith("s")) {
				throw new IllegalArgumentException();
			}
			return Long.parseLong(s.substring(1));
		}
		catch (IllegalArgumentException ex) {
			throw new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid request parameter.",
					List.of(new InputError("cursor", "not a cursor this service gave (use nextCursor as given)")));
		}
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> map(String text) {
		return json.readValue(text, Map.class);
	}

	static DecisionSummaryDto summary(DecisionRecord r) {
		DecisionSummaryDto dto = new DecisionSummaryDto();
		dto.setDecisionId(r.id());
		dto.setKind(r.kind());
		dto.setReceivedAt(OffsetDateTime.ofInstant(r.receivedAt(), ZoneOffset.UTC));
		dto.setRulesetVersion(r.rulesetVersion());
		dto.setAsOf(r.asOf());
		dto.setOutcome(r.outcome());
		dto.setCountry(r.country());
		return dto;
	}

	static FindingRefDto finding(Map<String, String> f) {
		FindingRefDto dto = new FindingRefDto();
		dto.setRuleId(f.get("ruleId"));
		dto.setMessage(f.get("message"));
		return dto;
	}

}
