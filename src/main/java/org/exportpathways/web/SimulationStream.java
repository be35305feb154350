package org.exportpathways.web;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

import org.exportpathways.domain.InputError;
import org.exportpathways.notification.SimulationRun;
import org.exportpathways.notification.SimulationService;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * The second pass of a streamed simulation (batch jobs, the command line): the checked
 * sales CSV read again, decided chunk by chunk, each row written as it comes, as CSV
 * and/or a JSON array. Memory stays flat in the number of sales.
 */
public final class SimulationStream {

	/** Thrown when the run is asked to stop between two chunks. */
	public static final class Stopped extends RuntimeException {

		Stopped() {
			super(null, null, false, false);
		}

	}

	private SimulationStream() {
	}

	/**
	 * Decides every sale of {@code sales} (a CSV already checked) and writes the rows to
	 * {@code csv} and {@code json} (either may be null); {@code progress} is told the
	 * sales decided after each chunk; {@code stop} is asked before each chunk. The number
	 * of sales.
	 */
	public static long run(InputStream sales, LocalDate batchAsOf, NotificationMapper mapper, JsonMapper jsonMapper,
			SimulationRun run, Writer csv, OutputStream json, LongConsumer progress, BooleanSupplier stop)
			throws IOException {
		List<InputError> errors = new ArrayList<>();
		try (SimulationUpload.Rows rows = SimulationUpload.rows(sales, errors);
				Sink sink = new Sink(run, csv, json, mapper, jsonMapper)) {
			List<SimulationService.Sale> chunk = new ArrayList<>(SimulationService.CHUNK);
			long done = 0;
			boolean more = true;
			while (more) {
				more = rows.next();
				if (more) {
					if (rows.sale() == null) {
						throw new IllegalStateException("checked row " + rows.index() + " unreadable: " + errors);
					}
					chunk.add(mapper.sale(rows.sale(), batchAsOf));
				}
				if (chunk.size() == SimulationService.CHUNK || (!more && !chunk.isEmpty())) {
					if (stop.getAsBoolean()) {
						throw new Stopped();
					}
					run.accept(chunk, done, sink::write);
					done += chunk.size();
					progress.accept(done);
					chunk.clear();
				}
			}
			return done;
		}
	}

	/** Where the rows go: a CSV writer, a JSON array, or both. */
	private static final class Sink implements Closeable {

		private final ResultsCsv csv;

		private final Writer csvOut;

		private final JsonGenerator json;

		private final NotificationMapper mapper;

		private final JsonMapper jsonMapper;

		Sink(SimulationRun run, Writer csv, OutputStream json, NotificationMapper mapper, JsonMapper jsonMapper)
				throws IOException {
			this.csvOut = csv;
			this.csv = (csv != null) ? new ResultsCsv(csv, run) : null;
			this.json = (json != null) ? jsonMapper.createGenerator(json) : null;
			this.mapper = mapper;
			this.jsonMapper = jsonMapper;
			if (this.json != null) {
				this.json.writeStartArray();
			}
		}

		void write(SimulationRun.Row row) {
			try {
				if (csv != null) {
					csv.write(row);
				}
				if (json != null) {
					jsonMapper.writeValue(json, mapper.row(row));
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		@Override
		public void close() throws IOException {
			if (json != null) {
				json.writeEndArray();
				json.close();
			}
			if (csvOut != null) {
				csvOut.flush();
			}
		}

	}

}
