package org.exportpathways.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.exportpathways.api.AdminApi;
import org.exportpathways.api.model.ActivationDto;
import org.exportpathways.api.model.BundleCandidateDto;
import org.exportpathways.api.model.BundlesDto;
import org.exportpathways.api.model.ImpactDto;
import org.exportpathways.api.model.ImpactRequestDto;
import org.exportpathways.api.model.KindImpactDto;
import org.exportpathways.api.model.OutcomeChangeRecordDto;
import org.exportpathways.domain.InputError;
import org.exportpathways.records.Activation;
import org.exportpathways.records.DecisionRepository;
import org.exportpathways.rollout.ActiveBundle;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.RestController;

/** Implements the generated admin API: candidates, impact, activation, rollback. */
@RestController
public class AdminController implements AdminApi, NotADecision {

	private final BundleRollout rollout;

	private final ActiveBundle bundles;

	private final DecisionRepository repository;

	public AdminController(BundleRollout rollout, ActiveBundle bundles, DecisionRepository repository) {
		this.rollout = rollout;
		this.bundles = bundles;
		this.repository = repository;
	}

	@Override
	public ResponseEntity<BundleCandidateDto> uploadBundle(Resource body) {
		try (InputStream in = body.getInputStream()) {
			BundleRollout.Candidate c = rollout.upload(in, who());
			return ResponseEntity
				.created(URI.create("/admin/bundles/" + c.snapshot().versionValue().replace("+", "%2B")))
				.body(candidate(c));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public ResponseEntity<BundlesDto> listBundles() {
		BundlesDto dto = new BundlesDto();
		dto.setActive(bundles.active().versionValue());
		dto.setCandidates(rollout.candidates().values().stream().map(AdminController::candidate).toList());
		dto.setActivations(repository.activations().stream().map(AdminController::activation).toList());
		return ResponseEntity.ok(dto);
	}

	@Override
	public ResponseEntity<ImpactDto> bundleImpact(String version, ImpactRequestDto request) {
		ImpactRequestDto r = (request != null) ? request : new ImpactRequestDto();
		if (r.getFrom() != null && r.getTo() != null && !r.getFrom().isBefore(r.getTo())) {
			throw new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid request content.",
					List.of(new InputError("to", "must be after from")));
		}
		BundleRollout.Impact impact = rollout.impact(version, (r.getLast() != null) ? r.getLast() : 1000,
				(r.getFrom() != null) ? r.getFrom().toInstant() : null,
				(r.getTo() != null) ? r.getTo().toInstant() : null);
		ImpactDto dto = new ImpactDto();
		dto.setCandidateVersion(impact.candidate());
		dto.setActiveVersion(impact.active());
		dto.setReplayed(impact.replayed());
		dto.setChanged(impact.changed());
		dto.setKinds(impact.kinds().entrySet().stream().map((e) -> {
			KindImpactDto k = new KindImpactDto();
			k.setKind(e.getKey());
			k.setReplayed(e.getValue().replayed());
			k.setChanged(e.getValue().changed());
			k.setChanges(e.getValue().changes().stream().map((c) -> {
				OutcomeChangeRecordDto o = new OutcomeChangeRecordDto();
				o.setDecisionId(c.decisionId());
				o.setFrom(c.from());
				o.setTo(c.to());
				o.setError(c.error());
				return o;
			}).toList());
			return k;
		}).toList());
		return ResponseEntity.ok(dto);
	}

	@Override
	public ResponseEntity<ActivationDto> activateBundle(String version) {
		return ResponseEntity.ok(activation(rollout.activate(version, who())));
	}

	@Override
	public ResponseEntity<ActivationDto> rollbackBundle(String version) {
		return ResponseEntity.ok(activation(rollout.rollback(version, who())));
	}

	private static String who() {
		Authentication a = SecurityContextHolder.getContext().getAuthentication();
		return (a != null) ? a.getName() : "(unknown)";
	}

	static BundleCandidateDto candidate(BundleRollout.Candidate c) {
		BundleCandidateDto dto = new BundleCandidateDto();
		dto.setRulesetVersion(c.snapshot().versionValue());
		dto.setOrigin(c.snapshot().bundle().origin());
		dto.setRules(c.snapshot().engine().rules().size());
		dto.setCases(c.cases());
		dto.setUploadedBy(c.uploadedBy());
		dto.setUploadedAt(OffsetDateTime.ofInstant(c.uploadedAt(), ZoneOffset.UTC));
		return dto;
	}

	static ActivationDto activation(Activation a) {
		ActivationDto dto = new ActivationDto();
		dto.setAction(ActivationDto.ActionEnum.valueOf(a.action()));
		dto.setFromVersion(a.fromVersion());
		dto.setToVersion(a.toVersion());
		dto.setBy(a.actor());
		dto.setAt(OffsetDateTime.ofInstant(a.at(), ZoneOffset.UTC));
		dto.setImpact(a.impact());
		return dto;
	}

}
