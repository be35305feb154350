package org.exportpathways.web;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;

import jakarta.validation.Validator;
import org.exportpathways.api.model.AnalysisDto;
import org.exportpathways.api.model.NamedScenarioDto;
import org.exportpathways.api.model.SimulationJobDto;
import org.exportpathways.api.model.SimulationRequestDto;
import org.exportpathways.api.model.SimulationSaleDto;
import org.exportpathways.domain.InputError;
import org.exportpathways.domain.InvalidInputException;
import org.exportpathways.notification.Analysis;
import org.exportpathways.notification.SimulationService;
import org.exportpathways.rollout.ActiveBundle;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes a batch job: checks the scenarios, then reads the sales one at a time (CSV
 * streamed from the upload, or the JSON body's list), checks each as a synchronous
 * simulation would, and spools it. Only input that passes every check becomes a job
 * (202); otherwise the answer names every problem found (400, or 422 for dates the bundle
 * does not cover) and nothing is kept.
 */
@Component
class SimulationJobIntake {

	private final SimulationJobs jobs;

	private final SimulationUpload upload;

	private final NotificationMapper mapper;

	private final ActiveBundle bundles;

	private final SpringValidatorAdapter validator;

	private final RequestLimits limits;

	private final JsonMapper json;

	private final Clock clock;

	SimulationJobIntake(SimulationJobs jobs, SimulationUpload upload, NotificationMapper mapper, ActiveBundle bundles,
			Validator validator, RequestLimits limits, JsonMapper json, Clock clock) {
		this.jobs = jobs;
		this.upload = upload;
		this.mapper = mapper;
		this.bundles = bundles;
		this.validator = new SpringValidatorAdapter(validator);
		this.limits = limits;
		this.json = json;
		this.clock = clock;
	}

	/** A job from the CSV upload. */
	SimulationJobDto csv(MultipartFile sales, String scenarios, String analysis, LocalDate asOf) throws IOException {
		List<InputError> errors = new ArrayList<>();
		List<NamedScenarioDto> scenarioDtos = upload.scenarios(scenarios, errors);
		AnalysisDto analysisDto = upload.analysis(analysis, errors);
		if (scenarioDtos == null && errors.isEmpty()) {
			errors.add(new InputError("scenarios", "is required"));
		}
		validate(scenarioDtos, analysisDto, errors);
		if (sales.isEmpty()) {
			errors.add(new InputError("sales", SimulationUpload.EMPTY));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors, false);
		}
		try (InputStream in = sales.getInputStream(); SimulationUpload.Rows rows = SimulationUpload.rows(in, errors)) {
			Iterator<SimulationSaleDto> it = new Iterator<>() {

				@Override
				public boolean hasNext() {
					return errors.size() < SaleChecks.MAX_ERRORS && rows.next();
				}

				@Override
				public SimulationSaleDto next() {
					return rows.sale();
				}

			};
			return accept(scenarioDtos, analysisDto, asOf, it, errors);
		}
	}

	/** A job from a JSON body (already read and validated as a whole). */
	SimulationJobDto json(SimulationRequestDto request) throws IOException {
		List<InputError> errors = new ArrayList<>();
		return accept(request.getScenarios(), request.getAnalysis(), request.getAsOf(), request.getSales().iterator(),
				errors);
	}

	private void validate(List<NamedScenarioDto> scenarios, AnalysisDto analysis, List<InputError> errors) {
		if (scenarios != null) {
			if (scenarios.isEmpty()) {
				errors.add(new InputError("scenarios", "at least one scenario is required"));
			}
			if (scenarios.size() > limits.simulationScenarios()) {
				throw new LimitExceededException(HttpStatus.CONTENT_TOO_LARGE, "scenarios",
						"exportpathways.limits.simulation-scenarios", "at most " + limits.simulationScenarios()
								+ " scenarios in one simulation, got " + scenarios.size());
			}
			for (int i = 0; i < scenarios.size(); i++) {
				if (scenarios.get(i) != null) {
					validate(scenarios.get(i), "scenarios[" + i + "].", errors);
				}
			}
		}
		if (analysis != null) {
			validate(analysis, "analysis.", errors);
		}
	}

	private void validate(Object bean, String prefix, List<InputError> errors) {
		SaleChecks.validate(validator, bean, prefix, errors);
	}

	private SimulationJobDto accept(List<NamedScenarioDto> scenarioDtos, AnalysisDto analysisDto, LocalDate asOf,
			Iterator<SimulationSaleDto> sales, List<InputError> errors) throws IOException {
		SimulationService service = bundles.current().simulations();
		List<SimulationService.NamedScenario> scenarios = scenarioDtos.stream().map(mapper::scenario).toList();
		Analysis analysis = mapper.analysis(analysisDto);
		errors.addAll(service.checkScenarios(scenarios, analysis));
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors, false);
		}
		LocalDate batchAsOf = (asOf != null) ? Dates.fourDigitYear(asOf, "asOf") : LocalDate.now(clock);
		String jobId = SimulationJobs.newId();
		Path dir = jobs.newFolder(jobId);
		boolean accepted = false;
		try {
			MessageDigest sha = sha256();
			long total = 0;
			SaleChecks checks = new SaleChecks(validator, mapper, service, batchAsOf, errors);
			try (Writer spool = new BufferedWriter(
					new OutputStreamWriter(new DigestOutputStream(Files.newOutputStream(dir.resolve("sales.csv")), sha),
							StandardCharsets.UTF_8),
					1 << 16)) {
				SalesSpool.header(spool);
				while (checks.more() && sales.hasNext()) {
					SimulationSaleDto dto = sales.next();
					long index = total++;
					if (total > limits.jobSales()) {
						throw new LimitExceededException(HttpStatus.CONTENT_TOO_LARGE, "sales",
								"exportpathways.limits.job-sales",
								"at most " + limits.jobSales() + " sales in one batch job");
					}
					if (checks.check(dto, index) != null && checks.clean()) {
						SalesSpool.write(spool, dto, batchAsOf);
					}
				}
			}
			checks.throwIfAny(total);
			SimulationJobDto job = jobs.submit(new SimulationJobs.Spec(jobId, clock.instant(), batchAsOf, total,
					json.writeValueAsString(scenarioDtos),
					(analysisDto != null) ? json.writeValueAsString(analysisDto) : null,
					HexFormat.of().formatHex(sha.digest())));
			accepted = true;
			return job;
		}
		finally {
			if (!accepted) {
				SimulationJobs.delete(dir);
			}
		}
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
