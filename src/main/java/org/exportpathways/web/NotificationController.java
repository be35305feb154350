package org.exportpathways.web;

import java.time.LocalDate;

import org.exportpathways.api.NotificationsApi;
import org.exportpathways.api.model.NotificationDecisionDto;
import org.exportpathways.api.model.NotificationRequestDto;
import org.exportpathways.api.model.SimulationRequestDto;
import org.exportpathways.api.model.SimulationResponseDto;
import org.exportpathways.notification.NotificationRequest;
import org.exportpathways.notification.SimulationService;
import org.exportpathways.rollout.ActiveBundle;
import org.exportpathways.rollout.Snapshot;
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

	private final ActiveBundle bundles;

	private final NotificationMapper mapper;

	private final SimulationUpload upload;

	private final SimulationGate gate;

	private final DecisionMetrics metrics;

	NotificationController(ActiveBundle bundles, NotificationMapper mapper, SimulationUpload upload,
			SimulationGate gate, DecisionMetrics metrics) {
		this.bundles = bundles;
		this.mapper = mapper;
		this.upload = upload;
		this.gate = gate;
		this.metrics = metrics;
	}

	@Override
	public ResponseEntity<NotificationDecisionDto> evaluateNotification(NotificationRequestDto request) {
		Snapshot bundle = bundles.current();
		return ResponseEntity.ok(metrics.timed("notification",
				() -> mapper.decision(request.getChannel().getValue(), request.getRecipient(),
						bundle.kernel()
							.decide(bundle.notifications(),
									new NotificationRequest(mapper.sale(request),
											mapper.scenario(request.getScenario()))),
						bundle.versionValue()),
				NotificationDecisionDto::getOutcome));
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
		Snapshot bundle = bundles.current();
		return ResponseEntity.ok(gate.run(() -> metrics.timed("simulation", () -> {
			SimulationService.Result result = bundle.simulations()
				.simulate(mapper.sales(request), request.getScenarios().stream().map(mapper::scenario).toList());
			return mapper.simulation(result, bundle.versionValue());
		}, (r) -> "DONE")));
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
		SimulationRequestDto request = upload.read(sales, scenarios, Dates.fourDigitYear(asOf, "asOf"));
		DecisionRecording.requestBody(request);
		return simulateNotifications(request);
	}

}
