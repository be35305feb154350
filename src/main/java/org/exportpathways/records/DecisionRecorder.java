package org.exportpathways.records;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records decisions with group commit: a request thread hands its record to one writer
 * thread and waits until the transaction holding it has committed; the writer takes every
 * record waiting (up to {@link #BATCH}) into one transaction. Under load, many records
 * share one commit; a record is never acknowledged before its commit.
 */
public class DecisionRecorder implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(DecisionRecorder.class);

	static final int BATCH = 512;

	private record Pending(DecisionRecord record, CompletableFuture<Void> done) {
	}

	private final DecisionRepository repository;

	private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>(16_384);

	private final Thread writer;

	private volatile boolean running = true;

	public DecisionRecorder(DecisionRepository repository) {
		this.repository = repository;
		this.writer = new Thread(this::write, "decision-recorder");
		this.writer.setDaemon(true);
		this.writer.start();
	}

	/**
	 * Records {@code record} and returns once it is committed; throws when it could not
	 * be (the decision must then not be acknowledged).
	 */
	public void record(DecisionRecord record) {
		if (!running) {
			throw new IllegalStateException("the decision recorder is stopped");
		}
		Pending p = new Pending(record, new CompletableFuture<>());
		try {
			if (!queue.offer(p, 30, TimeUnit.SECONDS)) {
				throw new IllegalStateException("the decision recorder is overloaded");
			}
			p.done().get(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while recording the decision", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("the decision could not be recorded: " + ex.getCause().getMessage(),
					ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException("the decision was not recorded in time", ex);
		}
	}

	private void write() {
		List<Pending> batch = new ArrayList<>(BATCH);
		while (running || !queue.isEmpty()) {
			try {
				Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				queue.drainTo(batch, BATCH - 1);
				try {
					repository.insert(batch.stream().map(Pending::record).toList());
					batch.forEach((p) -> p.done().complete(null));
				}
				catch (RuntimeException ex) {
					log.error("Recording {} decisions failed", batch.size(), ex);
					batch.forEach((p) -> p.done().completeExceptionally(ex));
				}
				batch.clear();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	@Override
	public void close() throws InterruptedException {
		running = false;
		writer.join(10_000);
	}

}
