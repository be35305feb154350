package org.exportpathways.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * The application's own bounded pool for batch decision work (never the ForkJoin common
 * pool). Its threads carry the class loader that loaded the application (inside the
 * packaged jar: Spring Boot's nested-jar loader), so the rule engine's service lookups
 * see the same classes on every thread. When the queue is full the submitting thread runs
 * the task itself: batches slow down instead of failing.
 */
public final class DecisionExecutor implements AutoCloseable {

	private final ThreadPoolExecutor pool;

	private final int threads;

	public DecisionExecutor(int threads, int queueCapacity) {
		this.threads = threads;
		ClassLoader loader = DecisionExecutor.class.getClassLoader();
		AtomicInteger n = new AtomicInteger();
		ThreadFactory factory = (r) -> {
			Thread t = new Thread(r, "decision-" + n.incrementAndGet());
			t.setContextClassLoader(loader);
			t.setDaemon(true);
			return t;
		};
		this.pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
				new ArrayBlockingQueue<>(queueCapacity), factory, new ThreadPoolExecutor.CallerRunsPolicy());
	}

	/** Threads of the pool. */
	public int threads() {
		return threads;
	}

	/**
	 * Runs {@code work} for every index in {@code [0, size)}, in chunks spread over the
	 * pool, and returns when all are done. The first failure is rethrown (unchecked
	 * exceptions and errors as they were thrown) after the other chunks are cancelled.
	 */
	public void forEach(int size, IntConsumer work) {
		if (size == 0) {
			return;
		}
		int chunks = Math.min(size, threads * 4);
		int chunkSize = (size + chunks - 1) / chunks;
		List<Future<?>> futures = new ArrayList<>();
		for (int start = 0; start < size; start += chunkSize) {
			int from = start;
			int to = Math.min(size, start + chunkSize);
			futures.add(pool.submit(() -> {
				for (int i = from; i < to; i++) {
					work.accept(i);
				}
			}));
		}
		Throwable failure = null;
		for (Future<?> f : futures) {
			try {
				if (failure == null) {
					f.get();
				}
				else {
					f.cancel(false);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				failure = ex;
			}
			catch (ExecutionException ex) {
				failure = ex.getCause();
			}
			catch (CancellationException ex) {
				failure = (failure != null) ? failure : ex;
			}
		}
		if (failure instanceof RuntimeException rt) {
			throw rt;
		}
		if (failure instanceof Error err) {
			throw err;
		}
		if (failure != null) {
			throw new IllegalStateException("Batch decision work was interrupted", failure);
		}
	}

	@Override
	public void close() {
		pool.shutdown();
	}

}
