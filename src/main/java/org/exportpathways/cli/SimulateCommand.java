package org.exportpathways.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.exportpathways.api.model.AnalysisDto;
import org.exportpathways.api.model.NamedScenarioDto;
import org.exportpathways.api.model.SweepDto;
import org.exportpathways.bundle.RuleBundle;
import org.exportpathways.bundle.RuleBundleException;
import org.exportpathways.bundle.RuleBundleLoader;
import org.exportpathways.bundle.RulesetVersion;
import org.exportpathways.bundle.ReferenceData;
import org.exportpathways.bundle.ReferenceDataLoader;
import org.exportpathways.kernel.Kernel;
import org.exportpathways.kernel.RuleEngine;
import org.exportpathways.notification.NotificationRegime;
import org.exportpathways.domain.InputError;
import org.exportpathways.domain.InvalidInputException;
import org.exportpathways.kernel.DecisionExecutor;
import org.exportpathways.notification.Analysis;
import org.exportpathways.notification.SimulationRun;
import org.exportpathways.notification.SimulationService;
import org.exportpathways.web.NotificationMapper;
import org.exportpathways.web.SaleChecks;
import org.exportpathways.web.SimulationStream;
import org.exportpathways.web.SimulationUpload;
import org.exportpathways.web.Summaries;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code java -jar export-pathways.jar simulate --sales sales.csv --scenarios
 * scenarios.json --out results.csv}: the batch simulation of the API, without the web
 * server. The same CSV and scenario formats, the same checks (every problem named, exit
 * code 2, nothing written), then the rows streamed to {@code --out} in input order (CSV,
 * or JSON when the name ends in {@code .json}) with a progress bar on a terminal, and the
 * plain-language summary on standard output.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
		description = { "Runs a batch of sales through the congressional notification rules under named scenarios.",
				"Advisory only: not a license decision or legal advice." },
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:the results are written", "1:an unexpected failure", "2:bad input (each problem named)" })
public final class SimulateCommand implements Callable<Integer> {

	static final int BAD_INPUT = 2;

	@Option(names = "--sales", required = true, paramLabel = "FILE",
			description = "CSV of sales, the columns of the API's upload (id, channel, recipient, asOf, ...).")
	Path sales;

	@Option(names = "--scenarios", required = true, paramLabel = "FILE",
			description = "JSON array of named scenarios, as in the API.")
	Path scenarios;

	@Option(names = "--out", required = true, paramLabel = "FILE",
			description = "Where the rows go: CSV, or JSON when the name ends in .json.")
	Path out;

	@Option(names = "--as-of", paramLabel = "DATE", description = "Date for sales without one (default: today).")
	LocalDate asOf;

	@Option(names = "--break-even", description = "Add each sale's break-even inflation factor.")
	boolean breakEven;

	@Option(names = "--sweep", paramLabel = "FROM:TO:STEP",
			description = "Count outcomes at each factor, e.g. 1.00:2.00:0.05 (with --summary, or in the rows).")
	String sweep;

	@Option(names = "--summary", paramLabel = "FILE", description = "Also write the totals (JSON) here.")
	Path summary;

	@Option(names = "--rules", paramLabel = "DIR", description = "A rules/ folder instead of the bundled one.")
	Path rules;

	@Option(names = "--threads", paramLabel = "N", description = "Decision threads (default: one per core).")
	int threads = Runtime.getRuntime().availableProcessors();

	@Option(names = "--quiet", description = "No progress bar, even on a terminal.")
	boolean quiet;

	private final PrintWriter stdout;

	private final PrintWriter stderr;

	private final boolean terminal;

	SimulateCommand(PrintWriter stdout, PrintWriter stderr, boolean terminal) {
		this.stdout = stdout;
		this.stderr = stderr;
		this.terminal = terminal;
	}

	/** Runs the command; the exit code. */
	public static int run(String... args) {
		PrintWriter stdout = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
		PrintWriter stderr = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
		return run(stdout, stderr, System.console() != null, args);
	}

	static int run(PrintWriter stdout, PrintWriter stderr, boolean terminal, String... args) {
		Logs.quiet();
		CommandLine cli = new CommandLine(new SimulateCommand(stdout, stderr, terminal));
		cli.setOut(stdout);
		cli.setErr(stderr);
		cli.setExitCodeExceptionMapper((ex) -> BAD_INPUT);
		cli.registerConverter(LocalDate.class, LocalDate::parse);
		return cli.execute(args);
	}

	@Override
	public Integer call() throws Exception {
		long started = System.nanoTime();
		JsonMapper json = JsonMapper.builder()
			.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
					DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
			.build();
		List<InputError> errors = new ArrayList<>();
		List<NamedScenarioDto> scenarioDtos = readScenarios(json, errors);
		AnalysisDto analysisDto = new AnalysisDto().breakEven(breakEven ? Boolean.TRUE : null).sweep(readSweep(errors));
		if (!Files.isReadable(sales)) {
			errors.add(new InputError("--sales", "no such file, or not readable: " + sales));
		}
		if (!errors.isEmpty()) {
			return bad(errors);
		}
		RuleBundle bundle;
		try {
			bundle = (rules != null) ? RuleBundleLoader.fromDirectory(rules) : RuleBundleLoader.fromClasspath();
		}
		catch (RuleBundleException ex) {
			stderr.println("--rules: the rule bundle does not load: " + ex.getMessage());
			return BAD_INPUT;
		}
		DecisionExecutor executor = new DecisionExecutor(Math.max(1, threads), 1024);
		try (ValidatorFactory validation = Validation.buildDefaultValidatorFactory()) {
			// every table, but only the notification pack's rules compiled: the others
			// decide nothing here
			ReferenceData data = ReferenceDataLoader.load(bundle);
			RuleBundle notificationRules = new RuleBundle(bundle.origin(),
					bundle.files()
						.stream()
						.filter((f) -> !f.path().endsWith(".drl") || f.path().startsWith(NotificationRegime.PACK + "/"))
						.toList());
			Kernel kernel = new Kernel(new RuleEngine(notificationRules), data);
			SimulationService service = new SimulationService(kernel, new NotificationRegime(data), executor);
			String version = new RulesetVersion(data.bundleVersion(), bundle.contentHash()).value();
			Clock clock = Clock.system(ZoneId.of("America/New_York"));
			NotificationMapper mapper = new NotificationMapper(clock, new Summaries(data));
			List<SimulationService.NamedScenario> named = scenarioDtos.stream().map(mapper::scenario).toList();
			Analysis analysis = mapper.analysis(analysisDto);
			errors.addAll(service.checkScenarios(named, analysis));
			if (!errors.isEmpty()) {
				return bad(errors);
			}
			LocalDate batchAsOf = (asOf != null) ? asOf : LocalDate.now(clock);
			long loaded = System.nanoTime();
			long total = check(validation.getValidator(), mapper, service, batchAsOf);
			long checked = System.nanoTime();
			SimulationRun run = service.start(named, analysis);
			try (ProgressBar bar = progress(total)) {
				write(json, mapper, run, batchAsOf, bar);
			}
			long decided = System.nanoTime();
			SimulationRun.Summary totals = run.summary();
			if (summary != null) {
				json.writerWithDefaultPrettyPrinter().writeValue(summary.toFile(), mapper.totals(totals));
			}
			stdout.println(mapper.summaries().simulationTotals(totals));
			stdout.printf(java.util.Locale.ROOT,
					"Ruleset %s; %d sales written to %s. Rules loaded in %.1f s, input checked in %.1f s, decided and "
							+ "written in %.1f s (%.0f sales a second).%n",
					version, total, out, (loaded - started) / 1e9, (checked - loaded) / 1e9, (decided - checked) / 1e9,
					total / Math.max(1e-9, (decided - checked) / 1e9));
			stdout.println(NotificationMapper.ADVISORY);
			return 0;
		}
		catch (InvalidInputException ex) {
			return bad(ex.errors());
		}
		finally {
			executor.close();
		}
	}

	/** The first pass: every row checked, nothing decided; the number of sales. */
	private long check(Validator validator, NotificationMapper mapper, SimulationService service, LocalDate batchAsOf)
			throws IOException {
		List<InputError> errors = new ArrayList<>();
		SaleChecks checks = new SaleChecks(validator, mapper, service, batchAsOf, errors);
		long total = 0;
		try (InputStream in = Files.newInputStream(sales);
				SimulationUpload.Rows rows = SimulationUpload.rows(in, errors)) {
			while (checks.more() && rows.next()) {
				checks.check(rows.sale(), total++);
			}
		}
		checks.throwIfAny(total);
		return total;
	}

	/** The second pass: decided chunk by chunk, written as they come. */
	private void write(JsonMapper json, NotificationMapper mapper, SimulationRun run, LocalDate batchAsOf,
			ProgressBar bar) throws IOException {
		boolean asJson = out.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json");
		try (InputStream in = Files.newInputStream(sales);
				OutputStream file = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16);
				Writer text = asJson ? null : new OutputStreamWriter(file, StandardCharsets.UTF_8)) {
			SimulationStream.run(in, batchAsOf, mapper, json, run, text, asJson ? file : null, (done) -> {
				if (bar != null) {
					bar.stepTo(done);
				}
			}, () -> false);
		}
	}

	private ProgressBar progress(long total) {
		if (!terminal || quiet) {
			return null;
		}
		return new ProgressBarBuilder().setTaskName("Simulating")
			.setInitialMax(total)
			.setStyle(ProgressBarStyle.ASCII)
			.setUnit(" sales", 1)
			.showSpeed()
			.setUpdateIntervalMillis(250)
			.setConsumer(new ConsoleProgressBarConsumer(System.err))
			.build();
	}

	private List<NamedScenarioDto> readScenarios(JsonMapper json, List<InputError> errors) {
		try {
			NamedScenarioDto[] read = json.readValue(Files.readString(scenarios), NamedScenarioDto[].class);
			if (read == null || read.length == 0) {
				errors.add(new InputError("--scenarios", "at least one scenario is required"));
				return List.of();
			}
			List<NamedScenarioDto> list = List.of(read);
			try (ValidatorFactory validation = Validation.buildDefaultValidatorFactory()) {
				for (int i = 0; i < list.size(); i++) {
					for (var v : validation.getValidator().validate(list.get(i))) {
						errors.add(new InputError("--scenarios [" + i + "]." + v.getPropertyPath(), v.getMessage()));
					}
				}
			}
			return list;
		}
		catch (NoSuchFileException ex) {
			errors.add(new InputError("--scenarios", "no such file: " + scenarios));
		}
		catch (IOException ex) {
			errors.add(new InputError("--scenarios", "could not be read: " + ex.getMessage()));
		}
		catch (JacksonException ex) {
			errors
				.add(new InputError("--scenarios", "not a JSON array of named scenarios: " + ex.getOriginalMessage()));
		}
		catch (NullPointerException ex) {
			errors.add(new InputError("--scenarios", "a scenario is null"));
		}
		return List.of();
	}

	private SweepDto readSweep(List<InputError> errors) {
		if (sweep == null) {
			return null;
		}
		String[] parts = sweep.split(":");
		try {
			if (parts.length == 3) {
				return new SweepDto(new BigDecimal(parts[0]), new BigDecimal(parts[1]), new BigDecimal(parts[2]));
			}
		}
		catch (NumberFormatException ex) {
			// named below
		}
		errors.add(new InputError("--sweep", "expected FROM:TO:STEP, e.g. 1.00:2.00:0.05; got '" + sweep + "'"));
		return null;
	}

	private int bad(List<InputError> errors) {
		stderr.println("Bad input; nothing was written:");
		for (InputError e : errors) {
			stderr.println("  " + e.field() + ": " + e.message());
		}
		return BAD_INPUT;
	}

}
