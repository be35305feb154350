package org.exportpathways.web;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.exportpathways.api.model.AnalysisDto;
import org.exportpathways.api.model.NamedScenarioDto;
import org.exportpathways.api.model.SimulationJobDto;
import org.exportpathways.api.model.SimulationTotalsDto;
import org.exportpathways.domain.InvalidInputException;
import org.exportpathways.notification.Analysis;
import org.exportpathways.notification.SimulationRun;
import org.exportpathways.notification.SimulationService;
import org.exportpathways.records.DecisionRecord;
import org.exportpathways.records.DecisionRecorder;
import org.exportpathways.records.RecordsProperties;
import org.exportpathways.rollout.ActiveBundle;
import org.exportpathways.rollout.Snapshot;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Batch simulation jobs. A job's checked input is spooled under
 * {@code <data-dir>/jobs/<jobId>/} with its description ({@code job.json}); jobs run one
 * at a time in the order accepted, each on the decision executor's threads, chunk by
 * chunk, writing its rows to {@code results.csv} and {@code results.json} as it goes, so
 * memory stays flat in the number of sales. A job accepted but not finished when the
 * service stops is run again from the start when it starts: nothing accepted is lost. The
 * finished job's totals are recorded as a decision.
 */
@Component
public class SimulationJobs implements DisposableBean {

	private static final Log log = LogFactory.getLog(SimulationJobs.class);

	/** A job's states. */
	public enum State {

		QUEUED, RUNNING, DONE, FAILED, CANCELLED

	}

	/**
	 * What a job was asked: kept beside its input so that a restart can run it again.
	 * {@code scenarios} and {@code analysis} are the request's JSON.
	 */
	public record Spec(String jobId, Instant createdAt, LocalDate asOf, long total, String scenarios, String analysis,
			String inputSha256) {
	}

	/** A job as saved in {@code job.json}. */
	public record Saved(Spec spec, State state, long processed, Instant startedAt, Instant finishedAt,
			String rulesetVersion, String summary, SimulationTotalsDto totals, String failure, String decisionId,
			String resultsCsvSha256, String resultsJsonSha256, String owner) {
	}

	private static final class Job {

		final Spec spec;

		final Path dir;

		final AtomicLong processed = new AtomicLong();

		volatile State state = State.QUEUED;

		volatile Instant startedAt;

		volatile Instant finishedAt;

		volatile String rulesetVersion;

		volatile String summary;

		volatile SimulationTotalsDto totals;

		volatile String failure;

		volatile String decisionId;

		volatile String resultsCsvSha256;

		volatile String resultsJsonSha256;

		volatile boolean cancelled;

		Job(Spec spec, Path dir) {
			this.spec = spec;
			this.dir = dir;
		}

		Saved saved() {
			return new Saved(spec, state, processed.get(), startedAt, finishedAt, rulesetVersion, summary, totals,
					failure, decisionId, resultsCsvSha256, resultsJsonSha256, OWNER);
		}

	}

	private static final class Cancelled extends RuntimeException {

		Cancelled() {
			super(null, null, false, false);
		}

	}

	static final String PATH = "/v1/notifications/simulations/jobs/";

	/**
	 * This process: its id and start time (a restarted container's process may get the
	 * same id, never the same start).
	 */
	static final String OWNER = owner(ProcessHandle.current());

	private static String owner(ProcessHandle p) {
		return p.pid() + "@" + p.info().startInstant().map(Instant::toString).orElse("?");
	}

	private static boolean alive(String owner) {
		if (owner == null) {
			return false;
		}
		try {
			long pid = Long.parseLong(owner.substring(0, owner.indexOf('@')));
			return ProcessHandle.of(pid)
				.filter(ProcessHandle::isAlive)
				.map(SimulationJobs::owner)
				.map(owner::equals)
				.orElse(false);
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private final Map<String, Job> jobs = new ConcurrentHashMap<>();

	private final ExecutorService runner = Executors.newSingleThreadExecutor((r) -> {
		Thread t = new Thread(r, "simulation-jobs");
		t.setDaemon(true);
		t.setContextClassLoader(SimulationJobs.class.getClassLoader());
		return t;
	});

	private final Path root;

	private final ActiveBundle bundles;

	private final NotificationMapper mapper;

	private final JsonMapper json;

	private final DecisionRecorder recorder;

	private final boolean recording;

	private final Clock clock;

	private final int queue;

	private final Duration retention;

	SimulationJobs(@Value("${exportpathways.data-dir}") Path dataDir, ActiveBundle bundles, NotificationMapper mapper,
			JsonMapper json, DecisionRecorder recorder, RecordsProperties records, Clock clock,
			@Value("${exportpathways.jobs.queue:16}") int queue,
			@Value("${exportpathways.jobs.retention-days:0}") int retentionDays) throws IOException {
		this.root = dataDir.resolve("jobs");
		this.bundles = bundles;
		this.mapper = mapper;
		this.json = json;
		this.recorder = recorder;
		this.recording = records.on();
		this.clock = clock;
		this.queue = queue;
		this.retention = (retentionDays > 0) ? Duration.ofDays(retentionDays) : null;
		Files.createDirectories(root);
		recover();
	}

	/** Jobs found on disk: finished ones are kept, unfinished ones are run again. */
	private void recover() throws IOException {
		List<Job> again = new ArrayList<>();
		try (Stream<Path> dirs = Files.list(root)) {
			for (Path dir : dirs.filter(Files::isDirectory).toList()) {
				Path file = dir.resolve("job.json");
				if (!Files.isRegularFile(file)) {
					// never accepted (the intake writes job.json last), or still being
					// spooled by another process: left a day, then deleted
					if (Files.getLastModifiedTime(dir)
						.toInstant()
						.isBefore(clock.instant().minus(Duration.ofDays(1)))) {
						delete(dir);
					}
					continue;
				}
				Saved s;
				try {
					// read leniently: a file written by another version still names its
					// job
					s = json.readerFor(Saved.class)
						.without(tools.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
						.readValue(file.toFile());
				}
				catch (RuntimeException ex) {
					// one unreadable job must not stop the service: it is left where it
					// is
					log.warn("Simulation job folder " + dir + " has an unreadable job.json; left as it is", ex);
					continue;
				}
				if (alive(s.owner())) {
					// another live process (or another application in this one) owns it
					continue;
				}
				Job job = new Job(s.spec(), dir);
				if (s.state() == State.QUEUED || s.state() == State.RUNNING) {
					again.add(job);
				}
				else {
					job.state = s.state();
					job.processed.set(s.processed());
					job.startedAt = s.startedAt();
					job.finishedAt = s.finishedAt();
					job.rulesetVersion = s.rulesetVersion();
					job.summary = s.summary();
					job.totals = s.totals();
					job.failure = s.failure();
					job.decisionId = s.decisionId();
					job.resultsCsvSha256 = s.resultsCsvSha256();
					job.resultsJsonSha256 = s.resultsJsonSha256();
				}
				jobs.put(s.spec().jobId(), job);
			}
		}
		again.sort(Comparator.comparing((Job j) -> j.spec.createdAt()));
		for (Job job : again) {
			save(job);
		}
		resumable.addAll(again);
	}

	/** Jobs accepted before the last stop, run again once the application is ready. */
	private final List<Job> resumable = new ArrayList<>();

	/**
	 * Runs again the jobs found unfinished, once the application is ready (its records
	 * schema migrated, its bundle loaded): never from the constructor.
	 */
	@EventListener(ApplicationReadyEvent.class)
	public void resume() {
		for (Job job : resumable) {
			log.info("Running again simulation job " + job.spec.jobId() + ", accepted before the last stop");
			runner.execute(() -> run(job));
		}
		resumable.clear();
	}

	/** A new job's folder, for the intake to spool into. */
	Path newFolder(String jobId) throws IOException {
		purge();
		long waiting = jobs.values()
			.stream()
			.filter((j) -> j.state == State.QUEUED || j.state == State.RUNNING)
			.count();
		if (waiting >= queue) {
			throw new SimulationGate.BusyException("There are already " + waiting
					+ " simulation jobs queued or running (exportpathways.jobs.queue); retry later.", 30);
		}
		return Files.createDirectories(root.resolve(jobId));
	}

	/** Accepts a job whose input is spooled in its folder as {@code sales.csv}. */
	SimulationJobDto submit(Spec spec) throws IOException {
		Job job = new Job(spec, root.resolve(spec.jobId()));
		save(job);
		jobs.put(spec.jobId(), job);
		runner.execute(() -> run(job));
		return view(job);
	}

	static String newId() {
		return UUID.randomUUID().toString();
	}

	SimulationJobDto get(String jobId) {
		return view(job(jobId));
	}

	SimulationJobDto cancel(String jobId) throws IOException {
		Job job = job(jobId);
		synchronized (job) {
			if (job.state != State.QUEUED && job.state != State.RUNNING) {
				throw new ApiProblem(HttpStatus.CONFLICT,
						"The job is " + job.state + ": only a queued or running job can be cancelled.");
			}
			// a running job stops at its next chunk, and its partial results are deleted
			job.cancelled = true;
			finish(job, State.CANCELLED);
		}
		return view(job);
	}

	/** The finished job's rows: {@code results.csv} or {@code results.json}. */
	Path results(String jobId, String extension) {
		Job job = job(jobId);
		if (job.state != State.DONE) {
			throw new ApiProblem(HttpStatus.CONFLICT,
					"The job is " + job.state
							+ ((job.state == State.RUNNING)
									? " (" + job.processed.get() + " of " + job.spec.total() + " sales)" : "")
							+ ": its results are there once it is DONE.");
		}
		return job.dir.resolve("results." + extension);
	}

	private Job job(String jobId) {
		Job job = jobs.get(jobId);
		if (job == null) {
			throw new ApiProblem(HttpStatus.NOT_FOUND, "No simulation job '" + jobId + "'.");
		}
		return job;
	}

	private void run(Job job) {
		synchronized (job) {
			if (job.cancelled) {
				return;
			}
			job.state = State.RUNNING;
			job.startedAt = clock.instant();
			job.processed.set(0);
		}
		Path csvPart = job.dir.resolve("results.csv.part");
		Path jsonPart = job.dir.resolve("results.json.part");
		try {
			Snapshot bundle = bundles.current();
			job.rulesetVersion = bundle.versionValue();
			save(job);
			List<SimulationService.NamedScenario> scenarios = scenarios(job.spec.scenarios());
			Analysis analysis = (job.spec.analysis() != null)
					? mapper.analysis(json.readValue(job.spec.analysis(), AnalysisDto.class)) : Analysis.NONE;
			SimulationRun run = bundle.simulations().start(scenarios, analysis);
			MessageDigest csvSha = sha256();
			MessageDigest jsonSha = sha256();
			try (InputStream in = Files.newInputStream(job.dir.resolve("sales.csv"));
					Writer csv = new BufferedWriter(
							new OutputStreamWriter(new DigestOutputStream(Files.newOutputStream(csvPart), csvSha),
									StandardCharsets.UTF_8),
							1 << 16);
					OutputStream jsonOut = new BufferedOutputStream(
							new DigestOutputStream(Files.newOutputStream(jsonPart), jsonSha), 1 << 16)) {
				SimulationStream.run(in, job.spec.asOf(), mapper, json, run, csv, jsonOut, job.processed::set,
						() -> job.cancelled);
			}
			job.resultsCsvSha256 = HexFormat.of().formatHex(csvSha.digest());
			job.resultsJsonSha256 = HexFormat.of().formatHex(jsonSha.digest());
			Files.move(csvPart, job.dir.resolve("results.csv"), StandardCopyOption.REPLACE_EXISTING,
					StandardCopyOption.ATOMIC_MOVE);
			Files.move(jsonPart, job.dir.resolve("results.json"), StandardCopyOption.REPLACE_EXISTING,
					StandardCopyOption.ATOMIC_MOVE);
			SimulationRun.Summary summary = run.summary();
			job.totals = mapper.totals(summary);
			job.summary = mapper.summaries().simulationTotals(summary);
			synchronized (job) {
				// a cancel either comes first and wins, or finds the job DONE
				if (job.cancelled) {
					throw new Cancelled();
				}
				job.finishedAt = clock.instant();
				record(job);
				finish(job, State.DONE);
			}
		}
		catch (Cancelled | SimulationStream.Stopped ex) {
			finish(job, State.CANCELLED);
		}
		catch (InvalidInputException ex) {
			job.failure = "The active rule bundle cannot decide this input: " + ex.getMessage();
			finish(job, State.FAILED);
		}
		catch (RuntimeException | IOException ex) {
			log.error("Simulation job " + job.spec.jobId() + " failed", ex);
			job.failure = "The job failed: " + ex.getMessage();
			finish(job, State.FAILED);
		}
		finally {
			quietly(csvPart);
			quietly(jsonPart);
		}
	}

	private List<SimulationService.NamedScenario> scenarios(String text) {
		return List.of(json.readValue(text, NamedScenarioDto[].class)).stream().map(mapper::scenario).toList();
	}

	private void record(Job job) {
		if (!recording) {
			return;
		}
		String id = UUID.randomUUID().toString();
		job.decisionId = id;
		Map<String, Object> request = new java.util.LinkedHashMap<>();
		request.put("jobId", job.spec.jobId());
		request.put("asOf", job.spec.asOf().toString());
		request.put("sales", job.spec.total());
		request.put("salesSha256", job.spec.inputSha256());
		request.put("scenarios", json.readTree(job.spec.scenarios()));
		if (job.spec.analysis() != null) {
			request.put("analysis", json.readTree(job.spec.analysis()));
		}
		SimulationJobDto response = view(job, true);
		recorder
			.record(new DecisionRecord(id, "createSimulationJob", clock.instant(), job.rulesetVersion, job.spec.asOf(),
					State.DONE.name(), null, json.writeValueAsString(request), json.writeValueAsString(response)));
	}

	private void finish(Job job, State state) {
		synchronized (job) {
			if (job.cancelled && state == State.DONE) {
				return;
			}
			job.state = job.cancelled ? State.CANCELLED : state;
			if (job.finishedAt == null) {
				job.finishedAt = clock.instant();
			}
		}
		try {
			save(job);
			if (state != State.DONE) {
				quietly(job.dir.resolve("sales.csv"));
			}
		}
		catch (IOException ex) {
			log.error("Could not save simulation job " + job.spec.jobId(), ex);
		}
	}

	private void save(Job job) throws IOException {
		Path tmp = job.dir.resolve("job.json.part");
		try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
			json.writeValue(w, job.saved());
		}
		Files.move(tmp, job.dir.resolve("job.json"), StandardCopyOption.REPLACE_EXISTING,
				StandardCopyOption.ATOMIC_MOVE);
	}

	/** Finished jobs older than the retention are deleted with their files. */
	private void purge() {
		if (retention == null) {
			return;
		}
		Instant cutoff = clock.instant().minus(retention);
		for (Job job : List.copyOf(jobs.values())) {
			if (job.finishedAt != null && job.finishedAt.isBefore(cutoff)
					&& (job.state == State.DONE || job.state == State.FAILED || job.state == State.CANCELLED)) {
				jobs.remove(job.spec.jobId());
				delete(job.dir);
			}
		}
	}

	private SimulationJobDto view(Job job) {
		return view(job, job.state == State.DONE);
	}

	/** The job as answered; {@code done}: as it is once DONE (for its record). */
	private SimulationJobDto view(Job job, boolean done) {
		long total = job.spec.total();
		long processed = job.processed.get();
		SimulationJobDto dto = new SimulationJobDto(job.spec.jobId(),
				SimulationJobDto.StateEnum.valueOf(job.state.name()), processed, total,
				java.time.OffsetDateTime.ofInstant(job.spec.createdAt(), java.time.ZoneOffset.UTC),
				names(job.spec.scenarios()),
				(job.rulesetVersion != null) ? job.rulesetVersion : bundles.current().versionValue(),
				NotificationMapper.ADVISORY);
		dto.percent(java.math.BigDecimal.valueOf((total == 0) ? 100.0 : Math.floor(1000.0 * processed / total) / 10));
		dto.asOf(job.spec.asOf());
		if (job.startedAt != null) {
			dto.startedAt(java.time.OffsetDateTime.ofInstant(job.startedAt, java.time.ZoneOffset.UTC));
		}
		if (job.finishedAt != null) {
			dto.finishedAt(java.time.OffsetDateTime.ofInstant(job.finishedAt, java.time.ZoneOffset.UTC));
		}
		if (job.state == State.RUNNING && processed > 0) {
			double elapsed = Duration.between(job.startedAt, clock.instant()).toMillis() / 1000.0;
			dto.etaSeconds((long) Math.ceil(elapsed / processed * (total - processed)));
		}
		if (done) {
			dto.state(SimulationJobDto.StateEnum.DONE);
			dto.summary(job.summary)
				.totals(job.totals)
				.results(PATH + job.spec.jobId() + "/results")
				.resultsCsvSha256(job.resultsCsvSha256)
				.resultsJsonSha256(job.resultsJsonSha256);
			if (job.decisionId != null) {
				dto.decisionRecord("/v1/decisions/" + job.decisionId);
			}
		}
		if (job.state == State.FAILED) {
			dto.problem(
					new org.exportpathways.api.model.ProblemDto().title("Job failed").status(422).detail(job.failure));
		}
		return dto;
	}

	private List<String> names(String scenarios) {
		List<String> out = new ArrayList<>();
		json.readTree(scenarios).forEach((n) -> out.add(n.path("name").asString()));
		return out;
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void quietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			log.warn("Could not delete " + file, ex);
		}
	}

	static void delete(Path dir) {
		try (Stream<Path> files = Files.walk(dir)) {
			files.sorted(Comparator.reverseOrder()).forEach(SimulationJobs::quietly);
		}
		catch (IOException ex) {
			log.warn("Could not delete " + dir, ex);
		}
	}

	@Override
	public void destroy() {
		runner.shutdownNow();
	}

}
