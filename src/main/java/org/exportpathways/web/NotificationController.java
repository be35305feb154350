package org.exportpathways.web;

import org.exportpathways.api.NotificationsApi;
import org.exportpathways.api.model.NotificationDecisionDto;
import org.exportpathways.api.model.NotificationRequestDto;
import org.exportpathways.api.model.SimulationRequestDto;
import org.exportpathways.api.model.SimulationResponseDto;
import org.exportpathways.engine.RulesetVersion;
import org.exportpathways.notification.NotificationService;
import org.exportpathways.notification.SimulationService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** Implements the generated notifications API (the contract is api/openapi.yaml). */
@RestController
public class NotificationController implements NotificationsApi {

	private final NotificationService notifications;

	private final SimulationService simulations;

	private final NotificationMapper mapper;

	private final RulesetVersion version;

	public NotificationController(NotificationService notifications, SimulationService simulations,
			NotificationMapper mapper, RulesetVersion version) {
		this.notifications = notifications;
		this.simulations = simulations;
		this.mapper = mapper;
		this.version = version;
	}

	@Override
	public ResponseEntity<NotificationDecisionDto> evaluateNotification(NotificationRequestDto request) {
		return ResponseEntity.ok(mapper.decision(
				notifications.evaluate(mapper.sale(request), mapper.scenario(request.getScenario())), version.value()));
	}

	@Override
	public ResponseEntity<SimulationResponseDto> simulateNotifications(SimulationRequestDto request) {
		SimulationService.Result result = simulations.simulate(mapper.sales(request),
				request.getScenarios().stream().map(mapper::scenario).toList());
		return ResponseEntity.ok(mapper.simulation(result, version.value()));
	}

}
