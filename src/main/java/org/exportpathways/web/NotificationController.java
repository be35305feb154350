package org.exportpathways.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.exportpathways.api.NotificationsApi;
import org.exportpathways.api.model.NotificationDecisionDto;
import org.exportpathways.api.model.NotificationRequestDto;
import org.exportpathways.api.model.SimulationRequestDto;
import org.exportpathways.api.model.SimulationJobDto;
import org.exportpathways.api.model.SimulationResponseDto;
import org.exportpathways.notification.NotificationRequest;
import org.exportpathways.notification.SimulationService;
import org.exportpathways.rollout.ActiveBundle;
import org.exportpathways.rollout.Snapshot;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.multipart.MultipartFile;

/** Implements the generated notifications API (the contract is api/openapi.yaml). */
@RestController
public class NotificationController implements NotificationsApi {

	private final ActiveBundle bundles;

	private final NotificationMapper mapper;

	private final SimulationUpload upload;

	private final SimulationGate gate;

	private final DecisionMetrics metrics;

	private final SimulationJobs jobs;

	private final SimulationJobIntake intake;

	NotificationController(ActiveBundle bundles, NotificationMapper mapper, SimulationUpload upload,
			SimulationGate gate, DecisionMetrics metrics, SimulationJobs jobs, SimulationJobIntake intake) {
		this.jobs = jobs;
		this.intake = intake;
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
				.simulate(mapper.sales(request), request.getScenarios().stream().map(mapper::scenario).toList(),
						mapper.analysis(request.getAnalysis()));
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
			@RequestPart("scenarios") String scenarios,
			@RequestPart(name = "analysis", required = false) String analysis, @RequestParam(name = "asOf",
					required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
		SimulationRequestDto request = upload.read(sales, scenarios, analysis, Dates.fourDigitYear(asOf, "asOf"));
		DecisionRecording.requestBody(request);
		return simulateNotifications(request);
	}

	/**
	 * A batch job from a JSON body (read whole: large batches belong in the CSV upload).
	 */
	@Override
	@PostMapping(path = PATH_CREATE_SIMULATION_JOB, consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE })
	public ResponseEntity<SimulationJobDto> createSimulationJob(SimulationRequestDto request) {
		try {
			return accepted(intake.json(request));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A batch job from a CSV upload, streamed. */
	@PostMapping(path = PATH_CREATE_SIMULATION_JOB, consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
			produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE })
	public ResponseEntity<SimulationJobDto> createSimulationJobUpload(@RequestPart("sales") MultipartFile sales,
			@RequestPart("scenarios") String scenarios,
			@RequestPart(name = "analysis", required = false) String analysis,
			@RequestParam(name = "asOf",
					required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf)
			throws IOException {
		return accepted(intake.csv(sales, scenarios, analysis, asOf));
	}

	private static ResponseEntity<SimulationJobDto> accepted(SimulationJobDto job) {
		return ResponseEntity.accepted().location(URI.create(SimulationJobs.PATH + job.getJobId())).body(job);
	}

	@Override
	public ResponseEntity<SimulationJobDto> getSimulationJob(String jobId) {
		return ResponseEntity.ok(jobs.get(jobId));
	}

	@Override
	public ResponseEntity<SimulationJobDto> cancelSimulationJob(String jobId) {
		try {
			return ResponseEntity.ok(jobs.cancel(jobId));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The rows as CSV when the client asks for {@code text/csv} before JSON, else as a
	 * JSON array.
	 */
	@Override
	public ResponseEntity<Resource> getSimulationJobResults(String jobId) {
		List<MediaType> accept = MediaType.parseMediaTypes(currentRequest().getHeader(HttpHeaders.ACCEPT));
		org.springframework.util.MimeTypeUtils.sortBySpecificity(accept);
		boolean csv = false;
		for (MediaType m : accept) {
			if (m.isCompatibleWith(TEXT_CSV) && !m.isWildcardType()) {
				csv = true;
				break;
			}
			if (m.isCompatibleWith(MediaType.APPLICATION_JSON)) {
				break;
			}
		}
		Path file = jobs.results(jobId, csv ? "csv" : "json");
		return ResponseEntity.ok()
			.contentType(csv ? TEXT_CSV : MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename("simulation-" + jobId + (csv ? ".csv" : ".json"))
						.build()
						.toString())
			.body(new FileSystemResource(file));
	}

	private static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	private static HttpServletRequest currentRequest() {
		return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
	}

}
