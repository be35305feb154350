package org.exportpathways.rollout;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The bundle that decides: an {@link AtomicReference} to an immutable {@link Snapshot}. A
 * request reads it once ({@link #current()}) and decides on that snapshot to the end; an
 * activation replaces the reference in one step, so requests in flight finish on the old
 * bundle and later ones use the new. The bundles activated before are kept for
 * {@link #rollback()}.
 * <p>
 * A replay under a candidate binds the candidate to the current thread ({@link #using});
 * {@link #current()} returns it there.
 */
public final class ActiveBundle {

	private final AtomicReference<Snapshot> active;

	private final Deque<Snapshot> previous = new ArrayDeque<>();

	private static final ThreadLocal<Snapshot> BOUND = new ThreadLocal<>();

	public ActiveBundle(Snapshot initial) {
		this.active = new AtomicReference<>(initial);
	}

	/**
	 * The snapshot this request decides on (the one bound to the thread by
	 * {@link #using}, else the active one).
	 */
	public Snapshot current() {
		Snapshot bound = BOUND.get();
		return (bound != null) ? bound : active.get();
	}

	/** The active snapshot, whatever the thread has bound. */
	public Snapshot active() {
		return active.get();
	}

	/** Makes {@code next} the active bundle; returns the one it replaces. */
	public synchronized Snapshot activate(Snapshot next) {
		Snapshot before = active.getAndSet(next);
		previous.push(before);
		return before;
	}

	/**
	 * Returns to the bundle active before the last activation; empty when there is none.
	 * Returns the pair (from, to).
	 */
	public synchronized Optional<Snapshot[]> rollback() {
		if (previous.isEmpty()) {
			return Optional.empty();
		}
		Snapshot to = previous.pop();
		Snapshot from = active.getAndSet(to);
		return Optional.of(new Snapshot[] { from, to });
	}

	/** Runs {@code work} with {@code snapshot} as this thread's current bundle. */
	public <T> T using(Snapshot snapshot, Supplier<T> work) {
		Snapshot outer = BOUND.get();
		BOUND.set(snapshot);
		try {
			return work.get();
		}
		finally {
			if (outer != null) {
				BOUND.set(outer);
			}
			else {
				BOUND.remove();
			}
		}
	}

}
