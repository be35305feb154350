package org.exportpathways.notification;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import org.exportpathways.TestBundle;
import org.exportpathways.bundle.DatedRecord;
import org.exportpathways.bundle.ReferenceData;
import org.exportpathways.kernel.DecisionExecutor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules against a hand-written reference ({@link ReferenceNotification}) over
 * generated sales: every channel, recipients in and out of the NATO+5 group on their
 * dates, sales territories, values known and unknown around every threshold (exact
 * amounts included), statutory, inflation-adjusted and custom scenarios. The outcome and
 * the tests that triggered it must agree on every sale ({@code -Ddifferential.sales},
 * default 1,000,000), and the same run must catch a reference with one comparison
 * mutated.
 */
class NotificationDifferentialTests {

	static final int SALES = Integer.getInteger("differential.sales", 1_000_000);

	static final ReferenceData DATA = TestBundle.DATA;

	static final ThresholdResolver THRESHOLDS = new ThresholdResolver(DATA);

	static final ReferenceNotification REFERENCE = new ReferenceNotification(DATA, ReferenceNotification.Mutation.NONE);

	static final ReferenceNotification MUTANT = new ReferenceNotification(DATA,
			ReferenceNotification.Mutation.MDE_STRICTLY_ABOVE);

	/** Sales per chunk of the batch path ({@code Kernel.decideAll}). */
	static final int CHUNK = 1000;

	/**
	 * Every sale goes through both paths: one decision ({@code decideChecked}, with
	 * findings) and the batch entry point ({@code decideAll}, a chunk of sales on one
	 * session, without findings). Both must agree with the reference, and with each other
	 * on everything but the findings (review period, tier, recipient group, missing
	 * values, thresholds): facts of two sales of a chunk never meet.
	 */
	@Test
	void theRulesAgreeWithTheReferenceOnEveryGeneratedSaleAndAMutantIsCaught() {
		Generator generator = new Generator(DATA);
		AtomicLong mismatches = new AtomicLong();
		AtomicLong batchMismatches = new AtomicLong();
		AtomicLong mutantMismatches = new AtomicLong();
		AtomicLong required = new AtomicLong();
		AtomicLong undetermined = new AtomicLong();
		ConcurrentLinkedQueue<String> examples = new ConcurrentLinkedQueue<>();
		long t0 = System.nanoTime();
		int chunks = (SALES + CHUNK - 1) / CHUNK;
		try (DecisionExecutor executor = new DecisionExecutor(Runtime.getRuntime().availableProcessors(), 64)) {
			executor.forEach(chunks, (c) -> {
				int from = c * CHUNK;
				List<NotificationRequest> requests = new ArrayList<>();
				for (int i = from; i < Math.min(SALES, from + CHUNK); i++) {
					requests.add(generator.request(i));
				}
				List<NotificationResult> batch = TestBundle.KERNEL.decideAll(TestBundle.NOTIFICATIONS, requests,
						(i) -> "sales[" + (from + i) + "].", false);
				for (int k = 0; k < requests.size(); k++) {
					NotificationRequest request = requests.get(k);
					List<Threshold> thresholds = THRESHOLDS.resolve(request.sale().channel(), request.asOf(),
							request.scenario(), "scenario");
					NotificationResult rules = TestBundle.KERNEL.decideChecked(TestBundle.NOTIFICATIONS, request, "");
					List<String> triggered = triggered(rules);
					ReferenceNotification.Answer ref = REFERENCE.decide(request.sale(), thresholds);
					if (ref.outcome() != rules.outcome() || !ref.triggeredBy().equals(triggered)) {
						mismatches.incrementAndGet();
						if (examples.size() < 5) {
							examples.add(request + " rules=" + rules.outcome() + triggered + " reference=" + ref);
						}
					}
					NotificationResult fromBatch = batch.get(k);
					if (!withoutFindings(fromBatch).equals(withoutFindings(rules)) || !fromBatch.findings().isEmpty()) {
						batchMismatches.incrementAndGet();
						if (examples.size() < 5) {
							examples.add(request + " batch=" + fromBatch + " single=" + rules);
						}
					}
					ReferenceNotification.Answer mutant = MUTANT.decide(request.sale(), thresholds);
					if (mutant.outcome() != rules.outcome() || !mutant.triggeredBy().equals(triggered)) {
						mutantMismatches.incrementAndGet();
					}
					if (rules.outcome() == Outcome.REQUIRED) {
						required.incrementAndGet();
					}
					else if (rules.outcome() == Outcome.UNDETERMINED) {
						undetermined.incrementAndGet();
					}
				}
			});
		}
		double seconds = (System.nanoTime() - t0) / 1e9;
		System.out
			.printf("NotificationDifferentialTests: %d sales, each one decision and in a batch, in %.1f s; REQUIRED %d, "
					+ "UNDETERMINED %d; mismatches %d, batch vs single %d; mutant (MDE strictly above) mismatches %d%n",
					SALES, seconds, required.get(), undetermined.get(), mismatches.get(), batchMismatches.get(),
					mutantMismatches.get());
		assertThat(examples).as("sales where the rules and the reference (or the two paths) disagree").isEmpty();
		assertThat(mismatches.get()).isZero();
		assertThat(batchMismatches.get()).isZero();
		assertThat(mutantMismatches.get()).as("a mutated comparison is caught").isPositive();
		assertThat(required.get()).as("the generator reaches every outcome").isPositive();
		assertThat(undetermined.get()).isPositive();
		assertThat(SALES - required.get() - undetermined.get()).isPositive();
	}

	private static List<String> triggered(NotificationResult rules) {
		return rules.triggeredBy().stream().map((t) -> t.tier() + "/" + t.kind()).toList();
	}

	/** The result with its findings left out (the batch path makes none). */
	private static NotificationResult withoutFindings(NotificationResult r) {
		return new NotificationResult(r.outcome(), r.section(), r.reviewPeriodDays(), r.reviewWaived(),
				r.recipientGroup(), r.thresholdTier(), r.thresholds(), r.triggeredBy(), r.missing(), List.of(),
				r.asOf(), r.scenario());
	}

	/** Deterministic sales: the i-th sale is the same on every run and thread. */
	static final class Generator {

		static final BigDecimal[] AMOUNTS = { new BigDecimal("1000000"), new BigDecimal("14000000"),
				new BigDecimal("25000000"), new BigDecimal("50000000"), new BigDecimal("100000000"),
				new BigDecimal("200000000"), new BigDecimal("300000000") };

		final List<String> recipients = new ArrayList<>();

		final LocalDate from;

		final int days;

		Generator(ReferenceData data) {
			Set<String> codes = new TreeSet<>();
			for (String table : List.of("nato-members", "aeca-nato-plus-5", "aeca-middle-east")) {
				data.rows(table).stream().map(DatedRecord::country).forEach(codes::add);
			}
			codes.addAll(List.of("IN", "BR", "ZA", "MX", "SG", "VN", "CL", "AR", "ID", "UA"));
			codes.removeIf((c) -> !data.isCountry(c));
			recipients.addAll(codes);
			recipients.add(SaleCase.NATO);
			from = DATA.coversFrom(NotificationRegime.PACK);
			days = (int) (LocalDate.of(2026, 12, 31).toEpochDay() - from.toEpochDay());
		}

		NotificationRequest request(int i) {
			SplittableRandom r = new SplittableRandom(0x5eed_0000L + i);
			while (true) {
				NotificationRequest candidate = candidate(r);
				if (candidate.check(DATA, "").isEmpty()) {
					return candidate;
				}
			}
		}

		private NotificationRequest candidate(SplittableRandom r) {
			int ch = r.nextInt(10);
			Channel channel = (ch < 5) ? Channel.FMS : (ch < 9) ? Channel.DCS : Channel.MANUFACTURING_AGREEMENT;
			String recipient = recipients.get(r.nextInt(recipients.size()));
			LocalDate asOf = from.plusDays(r.nextInt(days));
			BigDecimal total = value(r, null);
			BigDecimal mde = value(r, total);
			BigDecimal atLeast = (total == null && r.nextInt(4) == 0) ? value(r, null) : null;
			BigDecimal dc = (channel == Channel.FMS) ? value(r, total) : null;
			Set<String> categories = switch (r.nextInt(4)) {
				case 0 -> null;
				case 1 -> Set.of("I");
				case 2 -> Set.of("I", "XI");
				default -> Set.of("XI");
			};
			BigDecimal firearms = (channel == Channel.DCS && !Set.of("XI").equals(categories)) ? value(r, total) : null;
			Set<String> territory = switch (r.nextInt(5)) {
				case 0 -> null;
				case 1, 2 -> Set.of();
				default -> Set.of(recipients.get(r.nextInt(recipients.size() - 1)));
			};
			Boolean sme = (channel == Channel.MANUFACTURING_AGREEMENT) ? bool(r) : null;
			SaleCase sale = new SaleCase(channel, recipient, asOf, mde, total, atLeast, dc, firearms, categories, sme,
					territory, bool(r));
			return new NotificationRequest(sale, scenario(r));
		}

		/**
		 * Unknown, zero, an exact statutory amount, just below one, or anything up to
		 * $600M (at most {@code cap}).
		 */
		private BigDecimal value(SplittableRandom r, BigDecimal cap) {
			BigDecimal v = switch (r.nextInt(8)) {
				case 0, 1 -> null;
				case 2 -> BigDecimal.ZERO;
				case 3 -> AMOUNTS[r.nextInt(AMOUNTS.length)];
				case 4 -> AMOUNTS[r.nextInt(AMOUNTS.length)].subtract(BigDecimal.ONE);
				default -> BigDecimal.valueOf(r.nextLong(600_000_000L));
			};
			return (v != null && cap != null && v.compareTo(cap) > 0) ? cap : v;
		}

		private static Boolean bool(SplittableRandom r) {
			int b = r.nextInt(3);
			return (b == 0) ? null : (b == 1);
		}

		private Scenario scenario(SplittableRandom r) {
			int s = r.nextInt(10);
			if (s < 6) {
				return Scenario.STATUTORY;
			}
			if (s < 9) {
				BigDecimal factor = BigDecimal.valueOf(50 + r.nextInt(250)).movePointLeft(2);
				return new Scenario(Scenario.Kind.INFLATION_ADJUSTED, factor, null, null, null, null);
			}
			Map<Tier, Map<ThresholdKind, BigDecimal>> custom = new EnumMap<>(Tier.class);
			for (Tier tier : Tier.values()) {
				Map<ThresholdKind, BigDecimal> kinds = new EnumMap<>(ThresholdKind.class);
				for (ThresholdKind kind : List.of(ThresholdKind.MAJOR_DEFENSE_EQUIPMENT,
						ThresholdKind.DEFENSE_ARTICLES_AND_SERVICES)) {
					if (r.nextBoolean()) {
						kinds.put(kind, AMOUNTS[r.nextInt(AMOUNTS.length)]);
					}
				}
				custom.put(tier, kinds);
			}
			return new Scenario(Scenario.Kind.CUSTOM, null, null, null, custom,
					r.nextBoolean() ? AMOUNTS[r.nextInt(AMOUNTS.length)] : new BigDecimal("1000000"));
		}

	}

}
