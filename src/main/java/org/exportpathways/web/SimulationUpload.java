package org.exportpathways.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import jakarta.validation.Validator;
import org.exportpathways.api.model.AnalysisDto;
import org.exportpathways.api.model.NamedScenarioDto;
import org.exportpathways.api.model.SimulationRequestDto;
import org.exportpathways.api.model.SimulationSaleDto;
import org.exportpathways.domain.InputError;
import org.exportpathways.domain.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.CollectionType;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * Reads the parts of the CSV upload of {@code simulateNotifications} into the request the
 * JSON body gives, and validates it the same way. The CSV is read row by row into
 * {@link SimulationSaleDto}: an empty cell is unknown; list cells are {@code ;}-separated
 * and {@code NONE} is an explicit empty list.
 */
@Component
public class SimulationUpload {

	/** The columns a sales CSV may have, in any order; its header row names them. */
	static final CsvSchema SALES = CsvSchema.builder()
		.addColumns(List.of("id", "channel", "recipient", "asOf", "majorDefenseEquipmentValue", "totalValue",
				"designAndConstructionValue", "firearmsValue", "usmlCategories", "significantMilitaryEquipment",
				"newSalesTerritory", "emergency"), CsvSchema.ColumnType.STRING)
		.setArrayElementSeparator(";")
		.setUseHeader(true)
		.setReorderColumns(true)
		.build();

	static final List<String> REQUIRED = List.of("id", "channel", "recipient");

	static final String EMPTY = "the CSV file is empty (a header row is required)";

	private static final ObjectReader ROWS = CsvMapper.builder()
		.enable(CsvReadFeature.EMPTY_STRING_AS_NULL, CsvReadFeature.TRIM_SPACES, CsvReadFeature.SKIP_EMPTY_LINES,
				CsvReadFeature.FAIL_ON_MISSING_COLUMNS)
		.disable(CsvReadFeature.FAIL_ON_MISSING_HEADER_COLUMNS, CsvReadFeature.ALLOW_TRAILING_COMMA)
		.defaultLeniency(false)
		// "XI;" lists XI only
		.withConfigOverride(Set.class, (o) -> o.setNullHandling(JsonSetter.Value.forContentNulls(Nulls.SKIP)))
		.addModule(new SimpleModule().setDeserializerModifier(new NoneIsAnEmptyList()))
		.build()
		.readerFor(SimulationSaleDto.class)
		.with(SALES);

	private final JsonMapper json;

	private final SpringValidatorAdapter validator;

	private final RequestLimits limits;

	SimulationUpload(JsonMapper json, Validator validator, RequestLimits limits) {
		this.json = json;
		this.validator = new SpringValidatorAdapter(validator);
		this.limits = limits;
	}

	/**
	 * The request the parts stand for, valid as a JSON body would have to be; else every
	 * problem found.
	 */
	SimulationRequestDto read(MultipartFile sales, String scenarios, String analysis, LocalDate asOf) {
		if (sales.getSize() > limits.simulationBodyBytes()) {
			// a chunked upload (no Content-Length) is parsed by the container up to the
			// batch job's limit: the synchronous limit is checked here
			throw new LimitExceededException(HttpStatus.CONTENT_TOO_LARGE, "sales",
					"exportpathways.limits.simulation-body-bytes", "the CSV file is larger than "
							+ limits.simulationBodyBytes() + " bytes (larger batches belong to batch jobs)");
		}
		List<InputError> errors = new ArrayList<>();
		SimulationRequestDto request = new SimulationRequestDto().asOf(asOf);
		request.setScenarios(scenarios(scenarios, errors));
		request.setAnalysis(analysis(analysis, errors));
		request.setSales(sales(sales, errors, this.limits.simulationSales()));
		BatchLimitAdvice.check(request, this.limits);
		if (errors.isEmpty()) {
			BeanPropertyBindingResult result = new BeanPropertyBindingResult(request, "simulationRequestDto");
			validator.validate(request, result);
			errors.addAll(ProblemHandler.errors(result));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors, false);
		}
		return request;
	}

	List<NamedScenarioDto> scenarios(String text, List<InputError> errors) {
		try {
			List<NamedScenarioDto> scenarios = json.readValue(text, new TypeReference<List<NamedScenarioDto>>() {
			});
			for (int i = 0; scenarios != null && i < scenarios.size(); i++) {
				if (scenarios.get(i) == null) {
					errors.add(new InputError("scenarios[" + i + "]", "null is not allowed here"));
				}
			}
			return scenarios;
		}
		catch (JacksonException ex) {
			InputError e = ProblemHandler.readError(ex);
			String field = e.field().equals("$") ? "" : e.field();
			errors.add(new InputError("scenarios" + ((field.isEmpty() || field.startsWith("[")) ? "" : ".") + field,
					e.message()));
			return null;
		}
	}

	private static List<SimulationSaleDto> sales(MultipartFile file, List<InputError> errors, int maxSales) {
		if (file.isEmpty()) {
			errors.add(new InputError("sales", EMPTY));
			return null;
		}
		List<SimulationSaleDto> sales = new ArrayList<>();
		try (InputStream in = file.getInputStream(); Rows rows = rows(in, errors)) {
			while (rows.next()) {
				if (sales.size() == maxSales) {
					// one more than the limit: BatchLimitAdvice.check refuses it, without
					// reading the rest
					sales.add(null);
					break;
				}
				sales.add(rows.sale());
			}
		}
		catch (IOException ex) {
			errors.add(new InputError("sales", "the CSV file could not be read"));
		}
		return sales;
	}

	/**
	 * The rows of a sales CSV, one at a time; a bad header, a bad cell or a bad row is
	 * added to {@code errors} (by CSV line) and reading goes on.
	 */
	public static Rows rows(InputStream in, List<InputError> errors) throws IOException {
		return new Rows(in, errors);
	}

	/** A sales CSV read row by row. */
	public static final class Rows implements AutoCloseable {

		private final List<InputError> errors;

		private final BadCells cells;

		private final MappingIterator<SimulationSaleDto> rows;

		private long index = -1;

		private SimulationSaleDto sale;

		private boolean done;

		Rows(InputStream in, List<InputError> errors) throws IOException {
			this.errors = errors;
			this.cells = new BadCells(errors);
			MappingIterator<SimulationSaleDto> it = null;
			try {
				it = ROWS.withHandler(cells).readValues(in);
				boolean any = it.hasNextValue();
				if (!header(((CsvSchema) it.parserSchema()).getColumnNames(), errors)) {
					done = true;
				}
				else if (!any) {
					errors.add(new InputError("sales", "the CSV file has a header but no sales"));
					done = true;
				}
			}
			catch (JacksonException ex) {
				errors.add(new InputError("sales", "not a valid CSV file (a header row is required)"));
				done = true;
			}
			this.rows = it;
		}

		/** Reads the next row; false at the end (or when the file is unreadable). */
		public boolean next() {
			if (done) {
				return false;
			}
			try {
				if (index >= 0 && !rows.hasNextValue()) {
					done = true;
					return false;
				}
				index++;
				cells.row(index, rows.currentLocation().getLineNr());
				try {
					sale = rows.nextValue();
				}
				catch (StreamReadException ex) {
					cells.add(null, "not a valid CSV row");
					sale = null;
				}
				return true;
			}
			catch (JacksonException ex) {
				errors.add(new InputError("sales", "not a valid CSV file"));
				done = true;
				return false;
			}
		}

		/** The row read (null when it could not be read: its problem is in errors). */
		public SimulationSaleDto sale() {
			return sale;
		}

		/** The row's position among the sales, from 0. */
		public long index() {
			return index;
		}

		@Override
		public void close() throws IOException {
			if (rows != null) {
				rows.close();
			}
		}

	}

	/** The optional {@code analysis} part, a JSON object. */
	AnalysisDto analysis(String text, List<InputError> errors) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return json.readValue(text, AnalysisDto.class);
		}
		catch (JacksonException ex) {
			InputError e = ProblemHandler.readError(ex);
			String field = e.field().equals("$") ? "" : e.field();
			errors.add(new InputError("analysis" + (field.isEmpty() ? "" : "." + field), e.message()));
			return null;
		}
	}

	/** Every column known, none twice, the required ones present. */
	private static boolean header(List<String> header, List<InputError> errors) {
		int before = errors.size();
		header.stream()
			.distinct()
			.filter((h) -> Collections.frequency(header, h) > 1)
			.forEach((h) -> errors.add(new InputError("sales", "CSV column '" + h + "' appears more than once")));
		header.stream()
			.filter((h) -> SALES.column(h) == null)
			.forEach((h) -> errors.add(new InputError("sales",
					"unknown CSV column '" + h + "' (columns: " + SALES.getColumnNames() + ")")));
		REQUIRED.stream()
			.filter((r) -> !header.contains(r))
			.forEach((r) -> errors.add(new InputError("sales", "the CSV header needs a '" + r + "' column")));
		return errors.size() == before;
	}

	/**
	 * Names every cell that is not a value of its column's type, and reads on, so one
	 * answer lists them all.
	 */
	private static final class BadCells extends DeserializationProblemHandler {

		private final List<InputError> errors;

		private long row;

		private long line;

		BadCells(List<InputError> errors) {
			this.errors = errors;
		}

		void row(long row, long line) {
			this.row = row;
			this.line = line;
		}

		void add(String column, String message) {
			errors.add(new InputError("sales[" + row + "]" + ((column != null) ? "." + column : ""),
					"CSV line " + line + ": " + message));
		}

		@Override
		public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> type, String value, String failure) {
			return bad(ctxt, type, value);
		}

		@Override
		public Object handleInstantiationProblem(DeserializationContext ctxt, Class<?> type, Object value,
				Throwable t) {
			return bad(ctxt, type, value);
		}

		private Object bad(DeserializationContext ctxt, Class<?> type, Object value) {
			add(ctxt.getParser().currentName(), "not a valid " + ProblemHandler.typeName(type));
			return null;
		}

	}

	/**
	 * A list cell of {@code NONE} is an explicit empty list (an empty cell stays
	 * unknown).
	 */
	private static final class NoneIsAnEmptyList extends ValueDeserializerModifier {

		@Override
		public ValueDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config, CollectionType type,
				BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
			return new NoneOrList(deserializer);
		}

	}

	private static final class NoneOrList extends DelegatingDeserializer {

		NoneOrList(ValueDeserializer<?> list) {
			super(list);
		}

		@Override
		protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> list) {
			return new NoneOrList(list);
		}

		@Override
		public Object deserialize(JsonParser p, DeserializationContext ctxt) {
			if (p.hasToken(JsonToken.VALUE_STRING) && p.getString().strip().toUpperCase(Locale.ROOT).equals("NONE")) {
				return getEmptyValue(ctxt);
			}
			return super.deserialize(p, ctxt);
		}

	}

}
