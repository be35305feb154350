package org.exportpathways.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.compiler.kie.builder.impl.DrlProject;
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
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

/**
 * Compiles every DRL of the bundle into one shared, thread-safe KieBase at start-up. A compile error stops
 * start-up with the bundle file, line and message.
 */
public final class RuleEngine {

	private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;?", Pattern.MULTILINE);

	private final KieBase kieBase;

	private final KieSessionsPool sessions;

	private static final Pattern RULE = Pattern.compile("^\\s*rule\\s+\"([^\"]+)\"", Pattern.MULTILINE);

	private final List<String> warnings;

	private final Map<String, Integer> ruleOrder = new HashMap<>();

	public RuleEngine(RuleBundle bundle) {
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
				sb.append("\n  ").append(display(e.getPath(), pathMap)).append(':').append(e.getLine()).append(": ")
					.append(e.getText().strip());
			}
			throw new RuleBundleException(sb.toString());
		}
		this.warnings = builder.getResults().getMessages(Message.Level.WARNING).stream()
			.map((w) -> display(w.getPath(), pathMap) + ":" + w.getLine() + ": " + w.getText().strip())
			.toList();
		this.kieBase = ks.newKieContainer(rid).getKieBase();
		this.sessions = kieBase.newKieSessionsPool(Runtime.getRuntime().availableProcessors() * 2);
		ks.getRepository().removeKieModule(rid);
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
	 * Where a rule stands in the bundle (files in path order, rules in file order): the reading order of the
	 * policy, used to order explanations.
	 */
	public int ruleOrder(String ruleName) {
		return ruleOrder.getOrDefault(ruleName, Integer.MAX_VALUE);
	}

	/** A session from the pool: its {@code dispose()} resets it and returns it to the pool. */
	public KieSession newSession() {
		KieSession session = sessions.newKieSession();
		Recording recording = RECORDING.get();
		if (recording != null) {
			FiringRecorder recorder = new FiringRecorder(recording);
			session.addEventListener(recorder);
			recording.attached.add(Map.entry(session, recorder));
		}
		return session;
	}

	/** What {@link #recordFirings} collects into, and the sessions it listens to, for the current thread. */
	private static final ThreadLocal<Recording> RECORDING = new ThreadLocal<>();

	private record Recording(Set<String> sink, List<Map.Entry<KieSession, FiringRecorder>> attached) {
	}

	/**
	 * Runs {@code work} and adds to {@code sink} the {@code @id} of every rule that fires in the sessions this thread
	 * opens meanwhile (for tests and diagnostics: which rules decided a case). The listeners are removed afterwards,
	 * so no pooled session keeps one.
	 */
	public <T> T recordFirings(Set<String> sink, Supplier<T> work) {
		Recording outer = RECORDING.get();
		Recording recording = new Recording(sink, new ArrayList<>());
		RECORDING.set(recording);
		try {
			return work.get();
		}
		finally {
			recording.attached().forEach((e) -> e.getKey().removeEventListener(e.getValue()));
			if (outer != null) {
				RECORDING.set(outer);
			}
			else {
				RECORDING.remove();
			}
		}
	}

	/** Records fired rules' ids while its recording is the current thread's (a pooled session may change hands). */
	private static final class FiringRecorder extends DefaultAgendaEventListener {

		private final Recording recording;

		FiringRecorder(Recording recording) {
			this.recording = recording;
		}

		@Override
		public void afterMatchFired(AfterMatchFiredEvent event) {
			if (RECORDING.get() == recording) {
				recording.sink().add(String.valueOf(event.getMatch().getRule().getMetaData().get("id")));
			}
		}

	}

	/** The facts of one type in a session after firing. */
	@SuppressWarnings("unchecked")
	public static <T> List<T> objects(KieSession session, Class<T> type) {
		Collection<?> objects = session.getObjects(new ClassObjectFilter(type));
		return (List<T>) List.copyOf(objects);
	}

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
