package org.exportpathways.web;

import java.time.LocalDate;

import org.exportpathways.api.NotificationsApi;
import org.exportpathways.api.model.NotificationDecisionDto;
import org.exportpathways.api.model.NotificationRequestDto;
import org.exportpathways.api.model.SimulationRequestDto;
import org.exportpathways.api.model.SimulationResponseDto;
import org.exportpathways.bundle.RulesetVersion;
import org.exportpathways.kernel.Kernel;
import org.exportpathways.notification.NotificationRegime;
import org.exportpathways.notification.NotificationRequest;
import org.exportpathways.notification.SimulationService;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Implements the generated notifications API (the contract is api/openapi.yaml). */
@RestController
public class NotificationController implements NotificationsApi {

	private final Kernel kernel;

	private final NotificationRegime notifications;

	private final SimulationService simulations;

	private final NotificationMapper mapper;

	private final RulesetVersion version;

	private final SimulationUpload upload;

	NotificationController(Kernel kernel, NotificationRegime notifications, SimulationService simulations,
			NotificationMapper mapper, RulesetVersion version, SimulationUpload upload) {
		this.kernel = kernel;
		this.notifications = notifications;
		this.simulations = simulations;
		this.mapper = mapper;
		this.version = version;
		this.upload = upload;
	}

	@Override
	public ResponseEntity<NotificationDecisionDto> evaluateNotification(NotificationRequestDto request) {
		return ResponseEntity.ok(mapper.decision(request.getChannel().getValue(), request.getRecipient(),
				kernel.decide(notifications,
						new NotificationRequest(mapper.sale(request), mapper.scenario(request.getScenario()))),
				version.value()));
	}

	/**
	 * The JSON body. The contract lists both bodies of the operation, and the generator
	 * declares one handler for both; this narrows it to JSON, so the upload below serves
	 * {@code multipart/form-data}.
	 */
	@Override
	@PostMapping(path = PATH_SIMULATE_NOTIFICATIONS, consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE })
	public ResponseEntity<SimulationResponseDto> simulateNotifications(SimulationRequestDto request) {
		SimulationService.Result result = simulations.simulate(mapper.sales(request),
				request.getScenarios().stream().map(mapper::scenario).toList());
		return ResponseEntity.ok(mapper.simulation(result, version.value()));
	}

	/**
	 * The same operation as a CSV upload: a {@code sales} CSV file, a {@code scenarios}
	 * JSON array, an {@code asOf}.
	 */
	@PostMapping(path = PATH_SIMULATE_NOTIFICATIONS, consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
			produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE })
	public ResponseEntity<SimulationResponseDto> simulateNotificationsUpload(@RequestPart("sales") MultipartFile sales,
			@RequestPart("scenarios") String scenarios, @RequestParam(name = "asOf",
					required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
		return simulateNotifications(upload.read(sales, scenarios, asOf));
	}

}
