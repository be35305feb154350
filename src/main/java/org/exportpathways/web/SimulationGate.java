package org.exportpathways.web;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

/**
 * Fair sharing: at most {@link RequestLimits#simulationPermits()} simulations run at once
 * (their sales are decided on the decision executor, whose threads are fewer than the
 * cores), so single decisions, answered on the request threads, always find a core. The
 * others wait their turn in order; one that finds {@code simulation-queue} waiting
 * already, or waits {@code simulation-wait-millis} without a slot, is refused with 503
 * and {@code Retry-After}.
 */
@Component
class SimulationGate {

	private final Semaphore slots;

	private final long waitMillis;

	private final int queue;

	SimulationGate(RequestLimits limits) {
		this.slots = new Semaphore(limits.simulationPermits(), true);
		this.waitMillis = limits.simulationWaitMillis();
		this.queue = limits.simulationQueue();
	}

	<T> T run(Supplier<T> simulation) {
		if (this.slots.getQueueLength() >= this.queue) {
			throw new BusyException(SLOTS_BUSY, 5);
		}
		boolean acquired;
		try {
			acquired = this.slots.tryAcquire(this.waitMillis, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			acquired = false;
		}
		if (!acquired) {
			throw new BusyException(SLOTS_BUSY, 5);
		}
		try {
			return simulation.get();
		}
		finally {
			this.slots.release();
		}
	}

	static final String SLOTS_BUSY = "Every simulation slot is busy; retry later. Single decisions are not affected.";

	/** Every slot busy: 503 with {@code Retry-After}. */
	static final class BusyException extends RuntimeException {

		private final int retryAfterSeconds;

		BusyException(String detail, int retryAfterSeconds) {
			super(detail, null, false, false);
			this.retryAfterSeconds = retryAfterSeconds;
		}

		int retryAfterSeconds() {
			return this.retryAfterSeconds;
		}

	}

}
