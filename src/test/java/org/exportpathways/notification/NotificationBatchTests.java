package org.exportpathways.notification;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.exportpathways.TestBundle;
import org.exportpathways.domain.InvalidInputException;
import org.exportpathways.kernel.Kernel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The batch entry point ({@link Kernel#decideAll}): a chunk of sales on one session
 * gives, sale by sale, what one decision each gives (findings included when asked for;
 * none otherwise), names the failing sale, and leaves the session pool as it found it.
 */
class NotificationBatchTests {

	static final Kernel KERNEL = TestBundle.KERNEL;

	static final NotificationDifferentialTests.Generator GENERATOR = new NotificationDifferentialTests.Generator(
			TestBundle.DATA);

	static List<NotificationRequest> requests(int from, int count) {
		List<NotificationRequest> requests = new ArrayList<>();
		for (int i = from; i < from + count; i++) {
			requests.add(GENERATOR.request(i));
		}
		return requests;
	}

	@Test
	void aChunkWithFindingsIsExactlyOneDecisionPerSale() {
		List<NotificationRequest> requests = requests(0, 600);
		List<NotificationResult> batch = KERNEL.decideAll(TestBundle.NOTIFICATIONS, requests, (i) -> "", true);
		assertThat(batch).hasSize(requests.size());
		for (int i = 0; i < requests.size(); i++) {
			assertThat(batch.get(i)).as("sale %d", i)
				.isEqualTo(KERNEL.decideChecked(TestBundle.NOTIFICATIONS, requests.get(i), ""));
		}
	}

	@Test
	void aChunkWithoutFindingsDecidesTheSameAndExplainsNothing() {
		List<NotificationRequest> requests = requests(5000, 600);
		List<NotificationResult> batch = KERNEL.decideAll(TestBundle.NOTIFICATIONS, requests, (i) -> "", false);
		for (int i = 0; i < requests.size(); i++) {
			NotificationResult one = KERNEL.decideChecked(TestBundle.NOTIFICATIONS, requests.get(i), "");
			NotificationResult quiet = batch.get(i);
			assertThat(quiet.findings()).isEmpty();
			assertThat(quiet).as("sale %d", i)
				.isEqualTo(new NotificationResult(one.outcome(), one.section(), one.reviewPeriodDays(),
						one.reviewWaived(), one.recipientGroup(), one.thresholdTier(), one.thresholds(),
						one.triggeredBy(), one.missing(), List.of(), one.asOf(), one.scenario()));
		}
	}

	@Test
	void aSaleBeforeTheCoverageIsNamedByItsPathAndNothingIsDecided() {
		List<NotificationRequest> requests = new ArrayList<>(requests(0, 10));
		NotificationRequest early = requests.get(7);
		LocalDate before = TestBundle.DATA.coversFrom(NotificationRegime.PACK).minusDays(1);
		SaleCase s = early.sale();
		requests.set(7,
				new NotificationRequest(new SaleCase(s.channel(), s.recipient(), before, s.majorDefenseEquipmentValue(),
						s.totalValue(), s.totalValueAtLeast(), s.designAndConstructionValue(), s.firearmsValue(),
						s.usmlCategories(), s.significantMilitaryEquipment(), s.newSalesTerritory(), s.emergency()),
						early.scenario()));
		long decided = KERNEL.engine().decisions();
		assertThatThrownBy(
				() -> KERNEL.decideAll(TestBundle.NOTIFICATIONS, requests, (i) -> "sales[" + (100 + i) + "].", false))
			.isInstanceOfSatisfying(InvalidInputException.class, (ex) -> {
				assertThat(ex.unprocessable()).isTrue();
				assertThat(ex.errors()).singleElement()
					.satisfies((e) -> assertThat(e.field()).isEqualTo("sales[107].asOf"));
			});
		assertThat(KERNEL.engine().decisions()).isEqualTo(decided);
	}

	@Test
	void anEmptyChunkDecidesNothing() {
		assertThat(KERNEL.decideAll(TestBundle.NOTIFICATIONS, List.of(), (i) -> "", false)).isEmpty();
	}

	@Test
	void theRulesThatFireAreRecordedAsForOneDecision() {
		List<NotificationRequest> requests = requests(9000, 300);
		Set<String> batch = new HashSet<>();
		KERNEL.engine()
			.recordFirings(batch, () -> KERNEL.decideAll(TestBundle.NOTIFICATIONS, requests, (i) -> "", false));
		Set<String> single = new HashSet<>();
		KERNEL.engine()
			.recordFirings(single,
					() -> requests.stream().map((q) -> KERNEL.decideChecked(TestBundle.NOTIFICATIONS, q, "")).toList());
		assertThat(batch).isEqualTo(single).isNotEmpty();
	}

	@Test
	void chunksOnManyThreadsDiscardNoSession() throws Exception {
		long discarded = KERNEL.engine().discardedSessions();
		List<Thread> threads = new ArrayList<>();
		List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
		for (int t = 0; t < 6; t++) {
			int from = 20_000 + t * 300;
			Thread thread = new Thread(() -> {
				try {
					List<NotificationRequest> requests = requests(from, 300);
					List<NotificationResult> batch = KERNEL.decideAll(TestBundle.NOTIFICATIONS, requests, (i) -> "",
							false);
					for (int i = 0; i < requests.size(); i += 25) {
						assertThat(batch.get(i).outcome())
							.isEqualTo(KERNEL.decideChecked(TestBundle.NOTIFICATIONS, requests.get(i), "").outcome());
					}
				}
				catch (Throwable ex) {
					failures.add(ex);
				}
			});
			threads.add(thread);
			thread.start();
		}
		for (Thread thread : threads) {
			thread.join();
		}
		assertThat(failures).isEmpty();
		assertThat(KERNEL.engine().discardedSessions()).isEqualTo(discarded);
	}

}
