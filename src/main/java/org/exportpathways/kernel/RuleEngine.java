package org.exportpathways.kernel;

import org.exportpathways.bundle.BundleFile;
import org.exportpathways.bundle.RuleBundle;
import org.exportpathways.bundle.RuleBundleException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.compiler.kie.builder.impl.DrlProject;
import org.drools.core.common.TruthMaintenanceSystemFactory;
import org.drools.core.reteoo.AgendaComponentFactory;
import org.drools.kiesession.factory.KnowledgeHelperFactory;
import org.drools.kiesession.session.StatefulKnowledgeSessionImpl;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;

/**
 * Compiles every DRL of the bundle into one shared, thread-safe KieBase at start-up. A
 * compile error stops start-up with the bundle file, line and message.
 * <p>
 * Every decision runs through {@link #decide}: a session is borrowed from a bounded pool,
 * given a fresh {@link FindingCollector}, loaded, fired and read; it goes back to the
 * pool (reset) only when all of that succeeded. A session whose work threw is disposed,
 * never reused.
 * <p>
 * Truth maintenance ({@code insertLogical}) is a service Drools finds with the calling
 * thread's context class loader, once, and caches in static fields. The constructor looks
 * those services up itself, on the thread that builds the engine, with the application's
 * class loader, and refuses to build an engine on the non-TMS fallbacks: a first firing
 * on a thread that cannot see {@code drools-tms} (a ForkJoin common-pool thread inside
 * the packaged jar) would otherwise cache the fallbacks and break every later session.
 */
public final class RuleEngine {

	private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;?", Pattern.MULTILINE);

	private final KieBase kieBase;

	private final BlockingQueue<KieSession> idle;

	private final AtomicLong decisions = new AtomicLong();

	private final AtomicLong discarded = new AtomicLong();

	private static final Pattern RULE = Pattern.compile("^\\s*rule\\s+\"([^\"]+)\"", Pattern.MULTILINE);

	private final List<String> warnings;

	private final Map<String, Integer> ruleOrder = new HashMap<>();

	public RuleEngine(RuleBundle bundle) {
		requireTruthMaintenance();
		List<BundleFile> drls = bundle.files("", ".drl");
		if (drls.isEmpty()) {
			throw new RuleBundleException("No DRL files in the rule bundle at " + bundle.origin());
		}
		KieServices ks = KieServices.Factory.get();
		ReleaseId rid = ks.newReleaseId("org.exportpathways", "policy-bundle", "1.0.0-" + UUID.randomUUID());
		KieFileSystem kfs = ks.newKieFileSystem();
		kfs.generateAndWritePomXML(rid);
		List<String[]> pathMap = new ArrayList<>();
		for (BundleFile drl : drls) {
			Matcher r = RULE.matcher(drl.text());
			while (r.find()) {
				ruleOrder.putIfAbsent(r.group(1), ruleOrder.size());
			}
			Matcher m = PACKAGE.matcher(drl.text());
			String pkgDir = m.find() ? m.group(1).replace('.', '/') + "/" : "";
			String kfsPath = "src/main/resources/" + pkgDir + drl.path().replace('/', '_');
			pathMap.add(new String[] { kfsPath, drl.displayPath() });
			kfs.write(kfsPath, drl.content());
		}
		KieBuilder builder = ks.newKieBuilder(kfs).buildAll(DrlProject.class);
		List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
		if (!errors.isEmpty()) {
			StringBuilder sb = new StringBuilder("The rule bundle at " + bundle.origin() + " does not compile:");
			for (Message e : errors) {
				sb.append("\n  ")
					.append(display(e.getPath(), pathMap))
					.append(':')
					.append(e.getLine())
					.append(": ")
					.append(e.getText().strip());
			}
			throw new RuleBundleException(sb.toString());
		}
		this.warnings = builder.getResults()
			.getMessages(Message.Level.WARNING)
			.stream()
			.map((w) -> display(w.getPath(), pathMap) + ":" + w.getLine() + ": " + w.getText().strip())
			.toList();
		this.kieBase = ks.newKieContainer(rid).getKieBase();
		this.idle = new ArrayBlockingQueue<>(Math.max(4, Runtime.getRuntime().availableProcessors() * 4));
		ks.getRepository().removeKieModule(rid);
	}

	/** A new session for the pool. */
	private KieSession newSession() {
		return kieBase.newKieSession();
	}

	private static String display(String kfsPath, List<String[]> pathMap) {
		if (kfsPath == null) {
			return "(bundle)";
		}
		for (String[] p : pathMap) {
			if (kfsPath.endsWith(p[0]) || p[0].endsWith(kfsPath)) {
				return p[1];
			}
		}
		return kfsPath;
	}

	/**
	 * Where a rule stands in the bundle (files in path order, rules in file order): the
	 * reading order of the policy, used to order explanations.
	 */
	public int ruleOrder(String ruleName) {
		return ruleOrder.getOrDefault(ruleName, Integer.MAX_VALUE);
	}

	/**
	 * Runs one decision on a session of the pool: {@code work} inserts the facts, fires
	 * and reads the result. The session comes with a fresh {@code findings} global. When
	 * {@code work} throws, the session is disposed (its state is unknown) and the
	 * exception propagates; otherwise it is reset and returned to the pool.
	 */
	public <T> T decide(Function<KieSession, T> work) {
		return decide((code) -> Optional.empty(), work);
	}

	/**
	 * As {@link #decide(Function)}, the session's {@code findings} collector naming
	 * countries from {@code countryNames} (the bundle's countries table).
	 */
	public <T> T decide(Function<String, Optional<String>> countryNames, Function<KieSession, T> work) {
		return decide(new FindingCollector(countryNames), work);
	}

	/**
	 * As {@link #decide(Function)}, the session's global {@code findings} being
	 * {@code findings} (e.g. {@link FindingCollector#silent}).
	 */
	public <T> T decide(FindingCollector findings, Function<KieSession, T> work) {
		Object[] result = new Object[1];
		decideEach(1, () -> findings, (i, session) -> result[0] = work.apply(session));
		@SuppressWarnings("unchecked")
		T decided = (T) result[0];
		return decided;
	}

	/**
	 * Runs {@code count} decisions one after another on one session of the pool, for a
	 * batch: {@code work} gets the index and the session, which has a fresh collector
	 * from {@code findings} for each decision and is reset between two of them, so the
	 * facts of two decisions never meet (as with {@link #decide(Function)}, only without
	 * returning the session to the pool in between). When {@code work} throws, the
	 * session is disposed and the exception propagates.
	 */
	public void decideEach(int count, Supplier<FindingCollector> findings, IndexedWork work) {
		if (count == 0) {
			return;
		}
		KieSession session = idle.poll();
		if (session == null) {
			session = newSession();
		}
		Recording recording = RECORDING.get();
		FiringRecorder recorder = (recording != null) ? new FiringRecorder(recording.sink()) : null;
		boolean reusable = false;
		try {
			if (recorder != null) {
				session.addEventListener(recorder);
			}
			for (int i = 0; i < count; i++) {
				if (i > 0) {
					// a reset drops the session's listeners too
					((StatefulKnowledgeSessionImpl) session).reset();
					if (recorder != null) {
						session.addEventListener(recorder);
					}
				}
				session.setGlobal("findings", findings.get());
				work.decide(i, session);
				decisions.incrementAndGet();
			}
			reusable = true;
		}
		finally {
			if (recorder != null) {
				session.removeEventListener(recorder);
			}
			release(session, reusable);
		}
	}

	/**
	 * One decision of a batch ({@link #decideEach}): index {@code i} on {@code session}.
	 */
	@FunctionalInterface
	public interface IndexedWork {

		void decide(int i, KieSession session);

	}

	/** What {@link #recordFirings} collects into, for the current thread. */
	private static final ThreadLocal<Recording> RECORDING = new ThreadLocal<>();

	private record Recording(Set<String> sink) {
	}

	/**
	 * Runs {@code work} and adds to {@code sink} the {@code @id} of every rule that fires
	 * in the decisions this thread runs meanwhile (for tests and diagnostics: which rules
	 * decided a case). The listener is attached to each session only for the decision, so
	 * no pooled session keeps one.
	 */
	public <T> T recordFirings(Set<String> sink, Supplier<T> work) {
		Recording outer = RECORDING.get();
		RECORDING.set(new Recording(sink));
		try {
			return work.get();
		}
		finally {
			if (outer != null) {
				RECORDING.set(outer);
			}
			else {
				RECORDING.remove();
			}
		}
	}

	/** Records the {@code @id} of each fired rule. */
	private static final class FiringRecorder extends DefaultAgendaEventListener {

		private final Set<String> sink;

		FiringRecorder(Set<String> sink) {
			this.sink = sink;
		}

		@Override
		public void afterMatchFired(AfterMatchFiredEvent event) {
			sink.add(String.valueOf(event.getMatch().getRule().getMetaData().get("id")));
		}

	}

	private void release(KieSession session, boolean reusable) {
		if (reusable) {
			try {
				((StatefulKnowledgeSessionImpl) session).reset();
				if (idle.offer(session)) {
					return;
				}
			}
			catch (RuntimeException ex) {
				reusable = false;
			}
		}
		if (!reusable) {
			discarded.incrementAndGet();
		}
		session.dispose();
	}

	/** Decisions completed since start-up. */
	public long decisions() {
		return decisions.get();
	}

	/** Sessions disposed because the work on them threw (never returned to the pool). */
	public long discardedSessions() {
		return discarded.get();
	}

	/**
	 * Looks up the Drools services behind truth maintenance with the class loader that
	 * loaded the engine (the application's, also inside the packaged jar) and fails
	 * unless they are the {@code drools-tms} implementations. Drools caches the first
	 * lookup in static fields, so this must run before any rule fires.
	 */
	static void requireTruthMaintenance() {
		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		thread.setContextClassLoader(RuleEngine.class.getClassLoader());
		try {
			List<String> wrong = new ArrayList<>();
			if (!TruthMaintenanceSystemFactory.present()) {
				wrong.add(TruthMaintenanceSystemFactory.class.getSimpleName() + " (none)");
			}
			else {
				check(TruthMaintenanceSystemFactory.get(), wrong);
			}
			check(AgendaComponentFactory.get(), wrong);
			check(KnowledgeHelperFactory.get(), wrong);
			if (!wrong.isEmpty()) {
				throw new RuleBundleException("Drools truth maintenance is not in use (drools-tms not found by "
						+ "the application class loader); logical insertions would fail: " + wrong);
			}
		}
		finally {
			thread.setContextClassLoader(previous);
		}
	}

	private static void check(Object service, List<String> wrong) {
		if (service == null || !service.getClass().getName().startsWith(TMS_PACKAGE)) {
			wrong.add((service == null) ? "null" : service.getClass().getName());
		}
	}

	/** The package of the drools-tms implementations. */
	static final String TMS_PACKAGE = "org.drools.tms.";

	public List<String> warnings() {
		return warnings;
	}

	public List<Rule> rules() {
		List<Rule> rules = new ArrayList<>();
		Collection<KiePackage> packages = kieBase.getKiePackages();
		packages.forEach((p) -> rules.addAll(p.getRules()));
		return rules;
	}

}
