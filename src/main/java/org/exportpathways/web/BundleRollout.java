package org.exportpathways.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

import org.exportpathways.bundle.BundleFile;
import org.exportpathways.bundle.RuleBundle;
import org.exportpathways.bundle.RuleBundleException;
import org.exportpathways.domain.InputError;
import org.exportpathways.kernel.DecisionExecutor;
import org.exportpathways.records.Activation;
import org.exportpathways.records.DecisionRecord;
import org.exportpathways.records.DecisionRepository;
import org.exportpathways.rollout.ActiveBundle;
import org.exportpathways.rollout.Snapshot;
import org.springframework.http.HttpStatus;

/**
 * Safe rule-bundle updates: a candidate (a zip of the {@code rules/} tree) is compiled,
 * its tables loaded and its own cases run before it is kept; its impact is measured by
 * replaying recorded decisions under it; activation swaps the active snapshot in one step
 * and is audited, as is a rollback. Never a KieScanner: nothing changes unless an
 * administrator activates a checked candidate.
 */
public class BundleRollout {

	/** A checked candidate, kept until activated. */
	public record Candidate(Snapshot snapshot, int cases, String uploadedBy, Instant uploadedAt) {
	}

	/**
	 * The impact of a candidate: per kind, the records replayed and those that change.
	 */
	public record Impact(String candidate, String active, int replayed, int changed, Map<String, KindImpact> kinds) {

		/** One line for the audit. */
		public String summary() {
			StringBuilder sb = new StringBuilder(changed + " of " + replayed + " outcomes change");
			kinds.forEach((k,
					v) -> sb.append("; ").append(k).append(' ').append(v.changed()).append('/').append(v.replayed()));
			return sb.toString();
		}

	}

	public record KindImpact(int replayed, int changed, List<Change> changes) {
	}

	public record Change(String decisionId, String from, String to, String error) {
	}

	/** The largest bundle accepted (uncompressed) and its most files. */
	static final long MAX_BYTES = 64L * 1024 * 1024;

	static final int MAX_FILES = 5_000;

	private static final Pattern LINE = Pattern.compile("(rules/[^\\s:]+):(\\d+)");

	private final ActiveBundle bundles;

	private final DecisionRepository repository;

	private final DecisionOperations operations;

	private final DecisionExecutor executor;

	private final Clock clock;

	private final Clock casesClock;

	private final Map<String, Candidate> candidates = new ConcurrentHashMap<>();

	private final Map<String, Impact> impacts = new ConcurrentHashMap<>();

	public BundleRollout(ActiveBundle bundles, DecisionRepository repository, DecisionOperations operations,
			DecisionExecutor executor, Clock clock, Clock casesClock) {
		this.bundles = bundles;
		this.repository = repository;
		this.operations = operations;
		this.executor = executor;
		this.clock = clock;
		this.casesClock = casesClock;
	}

	/**
	 * Reads, compiles, loads and runs the cases of a candidate; a 422 naming file, line
	 * and case when any of that fails (nothing is kept).
	 */
	public Candidate upload(InputStream zip, String by) {
		RuleBundle bundle = new RuleBundle("upload", unzip(zip));
		Snapshot snapshot;
		try {
			snapshot = Snapshot.load(bundle, executor);
		}
		catch (RuleBundleException | IllegalArgumentException | IllegalStateException ex) {
			throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "The candidate bundle does not load.",
					errors(String.valueOf(ex.getMessage())));
		}
		CaseRunner runner = new CaseRunner(snapshot, casesClock);
		List<CaseRunner.Failure> failures = runner.runAll();
		if (!failures.isEmpty()) {
			throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "The candidate bundle fails its own cases.",
					failures.stream()
						.map((f) -> new InputError(f.file() + ((f.line() > 0) ? ":" + f.line() : ""),
								((f.caseName() != null) ? "case '" + f.caseName() + "': " : "") + f.message()))
						.toList());
		}
		Candidate c = new Candidate(snapshot, runner.cases().size(), by, clock.instant());
		candidates.put(snapshot.versionValue(), c);
		return c;
	}

	/** Each line of a load error as one error naming its file and line. */
	static List<InputError> errors(String message) {
		List<InputError> errors = new ArrayList<>();
		for (String line : message.split("\n")) {
			Matcher m = LINE.matcher(line);
			if (m.find()) {
				errors.add(new InputError(m.group(1) + ":" + m.group(2), line.strip()));
			}
		}
		if (errors.isEmpty()) {
			Matcher m = Pattern.compile("(rules/[^\\s:]+)").matcher(message);
			errors.add(new InputError(m.find() ? m.group(1) : "$", message.strip()));
		}
		return errors;
	}

	/** The files of a zip of the rules/ tree (a leading {@code rules/} is removed). */
	static List<BundleFile> unzip(InputStream in) {
		List<BundleFile> files = new ArrayList<>();
		long total = 0;
		try (ZipInputStream zip = new ZipInputStream(in)) {
			ZipEntry e;
			while ((e = zip.getNextEntry()) != null) {
				if (e.isDirectory()) {
					continue;
				}
				String name = e.getName().replace('\\', '/');
				if (name.startsWith("/") || name.contains("../") || name.startsWith("..") || name.contains("\0")) {
					throw bad("a zip entry outside the bundle: " + name);
				}
				if (files.size() >= MAX_FILES) {
					throw bad("more than " + MAX_FILES + " files");
				}
				byte[] content = zip.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_BYTES - total + 1));
				total += content.length;
				if (total > MAX_BYTES) {
					throw bad("more than " + MAX_BYTES + " bytes uncompressed");
				}
				files.add(new BundleFile(name, content));
			}
		}
		catch (ZipException ex) {
			throw bad("not a zip file: " + ex.getMessage());
		}
		catch (IOException ex) {
			throw bad("the zip could not be read: " + ex.getMessage());
		}
		if (files.isEmpty()) {
			throw bad("not a zip of the rules/ tree (no files)");
		}
		if (files.stream().allMatch((f) -> f.path().startsWith("rules/"))) {
			files = files.stream()
				.map((f) -> new BundleFile(f.path().substring("rules/".length()), f.content()))
				.toList();
		}
		if (files.stream().noneMatch((f) -> f.path().equals("bundle.yaml"))) {
			throw bad("no bundle.yaml at the root of the rules/ tree");
		}
		return files;
	}

	private static ApiProblem bad(String message) {
		return new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid request content.",
				List.of(new InputError("$", message)));
	}

	public Map<String, Candidate> candidates() {
		return new TreeMap<>(candidates);
	}

	Candidate candidate(String version) {
		Candidate c = candidates.get(version);
		if (c == null) {
			throw new ApiProblem(HttpStatus.NOT_FOUND, "No candidate bundle with this version.", List
				.of(new InputError("version",
						"no candidate '" + version + "' (upload it first; candidates: " + candidates.keySet() + ")")));
		}
		return c;
	}

	/**
	 * Replays the last {@code last} records (or those received in [from, to)) under the
	 * candidate and compares the outcomes with the recorded ones.
	 */
	public Impact impact(String version, int last, Instant from, Instant to) {
		Candidate c = candidate(version);
		List<DecisionRecord> records = repository.recent(last, from, to);
		Map<String, List<Change>> changes = new TreeMap<>();
		Map<String, Integer> replayed = new TreeMap<>();
		int changed = 0;
		for (DecisionRecord r : records) {
			replayed.merge(r.kind(), 1, Integer::sum);
			List<Change> kindChanges = changes.computeIfAbsent(r.kind(), (k) -> new ArrayList<>());
			try {
				DecisionOperations.Redecided now = operations.redecide(r, c.snapshot());
				if (now.outcomeChanged(r.outcome())) {
					kindChanges.add(new Change(r.id(), r.outcome(), now.outcome(), null));
					changed++;
				}
			}
			catch (RuntimeException ex) {
				kindChanges.add(new Change(r.id(), r.outcome(), null, String.valueOf(ex.getMessage())));
				changed++;
			}
		}
		Map<String, KindImpact> kinds = new LinkedHashMap<>();
		replayed.forEach((k, n) -> kinds.put(k, new KindImpact(n, changes.get(k).size(), changes.get(k))));
		Impact impact = new Impact(version, bundles.active().versionValue(), records.size(), changed, kinds);
		impacts.put(version, impact);
		return impact;
	}

	/**
	 * Makes the candidate active and audits it (with the last impact measured, if any).
	 */
	public synchronized Activation activate(String version, String by) {
		Candidate c = candidate(version);
		Snapshot before = bundles.activate(c.snapshot());
		Impact impact = impacts.get(version);
		Activation a = new Activation("ACTIVATE", before.versionValue(), version, by, clock.instant(),
				(impact != null) ? impact.summary() : "impact not measured");
		candidates.putIfAbsent(before.versionValue(), new Candidate(before, 0, "(previously active)", clock.instant()));
		repository.audit(a);
		return a;
	}

	/** Returns from the active bundle {@code version} to the one before it, audited. */
	public synchronized Activation rollback(String version, String by) {
		if (!bundles.active().versionValue().equals(version)) {
			throw new ApiProblem(HttpStatus.NOT_FOUND, "This version is not the active bundle.",
					List.of(new InputError("version", "the active bundle is " + bundles.active().versionValue())));
		}
		Snapshot[] fromTo = bundles.rollback()
			.orElseThrow(() -> new ApiProblem(HttpStatus.CONFLICT, "There is no previous bundle to return to.",
					List.of(new InputError("version", version + " is the first bundle of this run"))));
		Activation a = new Activation("ROLLBACK", fromTo[0].versionValue(), fromTo[1].versionValue(), by,
				clock.instant(), null);
		repository.audit(a);
		return a;
	}

}
