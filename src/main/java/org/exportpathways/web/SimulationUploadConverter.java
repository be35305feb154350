package org.exportpathways.web;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import org.exportpathways.api.model.ChannelDto;
import org.exportpathways.api.model.NamedScenarioDto;
import org.exportpathways.api.model.SimulationRequestDto;
import org.exportpathways.api.model.SimulationSaleDto;
import org.exportpathways.api.model.UsmlCategoryDto;
import org.exportpathways.domain.InputError;
import org.exportpathways.domain.InvalidInputException;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

/**
 * Reads the CSV upload of {@code simulateNotifications} ({@code multipart/form-data}: a {@code sales} CSV file, a
 * {@code scenarios} JSON part, an optional {@code asOf}) into the same request the JSON body gives, so one
 * generated endpoint serves both. An empty cell is unknown; {@code NONE} is an explicit empty list.
 */
@Component
public class SimulationUploadConverter extends AbstractHttpMessageConverter<SimulationRequestDto> {

	static final List<String> COLUMNS = List.of("id", "channel", "recipient", "asOf", "majorDefenseEquipmentValue",
			"totalValue", "designAndConstructionValue", "firearmsValue", "usmlCategories", "significantMilitaryEquipment",
			"newSalesTerritory", "emergency");

	static final List<String> REQUIRED = List.of("id", "channel", "recipient");

	private static final CsvMapper CSV = CsvMapper.builder().enable(CsvReadFeature.WRAP_AS_ARRAY).build();

	private final JsonMapper json;

	public SimulationUploadConverter(JsonMapper json) {
		super(StandardCharsets.UTF_8, MediaType.MULTIPART_FORM_DATA);
		this.json = json;
	}

	@Override
	protected boolean supports(Class<?> clazz) {
		return SimulationRequestDto.class.equals(clazz);
	}

	@Override
	protected boolean canWrite(MediaType mediaType) {
		return false;
	}

	@Override
	protected void writeInternal(SimulationRequestDto dto, HttpOutputMessage out) {
		throw new UnsupportedOperationException("read only");
	}

	@Override
	protected SimulationRequestDto readInternal(Class<? extends SimulationRequestDto> clazz, HttpInputMessage in)
			throws IOException {
		return readParts();
	}

	/**
	 * Builds the request from the parts of the current multipart request. The servlet container has parsed (and
	 * consumed) the body by then, so Spring sees an empty body and {@link SimulationUploadAdvice} calls this.
	 */
	SimulationRequestDto readParts() throws IOException {
		HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
			.getRequest();
		List<InputError> errors = new ArrayList<>();
		SimulationRequestDto dto = new SimulationRequestDto();
		String salesCsv = part(request, "sales");
		String scenarios = part(request, "scenarios");
		String asOf = part(request, "asOf");
		if (salesCsv == null) {
			errors.add(new InputError("sales", "the multipart upload needs a 'sales' part with the CSV file"));
		}
		if (scenarios == null) {
			errors.add(new InputError("scenarios", "the multipart upload needs a 'scenarios' part (a JSON array)"));
		}
		else {
			try {
				List<NamedScenarioDto> list = json.readValue(scenarios, new TypeReference<List<NamedScenarioDto>>() {
				});
				for (int i = 0; i < list.size(); i++) {
					if (list.get(i) == null) {
						errors.add(new InputError("scenarios[" + i + "]", "null is not allowed here"));
					}
				}
				dto.setScenarios(list);
			}
			catch (JacksonException ex) {
				InputError e = ProblemHandler.readError(ex);
				errors.add(new InputError("scenarios" + (e.field().equals("$") ? "" : (e.field().startsWith("[") ? "" : ".") + e.field()),
						e.message()));
			}
		}
		if (asOf != null && !asOf.isBlank()) {
			try {
				dto.setAsOf(LocalDate.parse(asOf.strip()));
			}
			catch (DateTimeParseException ex) {
				errors.add(new InputError("asOf", "'" + asOf + "' is not a valid date (yyyy-mm-dd, a day that exists)"));
			}
		}
		if (salesCsv != null) {
			dto.setSales(parseSales(salesCsv, errors));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors, false);
		}
		return dto;
	}

	private static String part(HttpServletRequest request, String name) throws IOException {
		try {
			Part p = request.getPart(name);
			if (p == null) {
				return null;
			}
			try (InputStream s = p.getInputStream()) {
				return new String(s.readAllBytes(), StandardCharsets.UTF_8);
			}
		}
		catch (ServletException ex) {
			throw new InvalidInputException(List.of(new InputError("$", "not a valid multipart/form-data body")), false);
		}
	}

	static List<SimulationSaleDto> parseSales(String text, List<InputError> errors) {
		String csv = text.startsWith("\uFEFF") ? text.substring(1) : text;
		List<SimulationSaleDto> sales = new ArrayList<>();
		try (MappingIterator<List<String>> it = CSV.readerForListOf(String.class).readValues(csv)) {
			if (!it.hasNext()) {
				errors.add(new InputError("sales", "the CSV file is empty (a header row is required)"));
				return sales;
			}
			List<String> header = it.next().stream().map(String::strip).toList();
			for (String h : new java.util.HashSet<>(header)) {
				if (java.util.Collections.frequency(header, h) > 1) {
					errors.add(new InputError("sales", "CSV column '" + h + "' appears more than once"));
				}
			}
			for (String h : header) {
				if (!COLUMNS.contains(h)) {
					errors.add(new InputError("sales", "unknown CSV column '" + h + "' (columns: " + COLUMNS + ")"));
				}
			}
			for (String r : REQUIRED) {
				if (!header.contains(r)) {
					errors.add(new InputError("sales", "the CSV header needs a '" + r + "' column"));
				}
			}
			if (!errors.isEmpty()) {
				return sales;
			}
			int line = 1;
			while (it.hasNext()) {
				line++;
				List<String> cells = it.next();
				if (cells.size() == 1 && cells.get(0).isBlank()) {
					continue;
				}
				String prefix = "sales[" + sales.size() + "].";
				if (cells.size() != header.size()) {
					errors.add(new InputError(prefix.substring(0, prefix.length() - 1), "CSV line " + line + " has "
							+ cells.size() + " cells; the header has " + header.size()));
					sales.add(new SimulationSaleDto());
					continue;
				}
				SimulationSaleDto sale = new SimulationSaleDto();
				for (int c = 0; c < header.size(); c++) {
					set(sale, header.get(c), cells.get(c).strip(), prefix, line, errors);
				}
				sales.add(sale);
			}
		}
		catch (JacksonException ex) {
			errors.add(new InputError("sales", "not a valid CSV file: " + ex.getOriginalMessage()));
		}
		return sales;
	}

	private static void set(SimulationSaleDto s, String column, String cell, String prefix, int line,
			List<InputError> errors) {
		if (cell.isEmpty()) {
			return;
		}
		try {
			switch (column) {
				case "id" -> s.setId(cell);
				case "channel" -> s.setChannel(ChannelDto.fromValue(cell));
				case "recipient" -> s.setRecipient(cell);
				case "asOf" -> s.setAsOf(LocalDate.parse(cell));
				case "majorDefenseEquipmentValue" -> s.setMajorDefenseEquipmentValue(new BigDecimal(cell));
				case "totalValue" -> s.setTotalValue(new BigDecimal(cell));
				case "designAndConstructionValue" -> s.setDesignAndConstructionValue(new BigDecimal(cell));
				case "firearmsValue" -> s.setFirearmsValue(new BigDecimal(cell));
				case "usmlCategories" -> {
					Set<UsmlCategoryDto> cats = new LinkedHashSet<>();
					list(cell).forEach((c) -> cats.add(UsmlCategoryDto.fromValue(c)));
					s.setUsmlCategories(cats);
				}
				case "significantMilitaryEquipment" -> s.setSignificantMilitaryEquipment(bool(cell));
				case "newSalesTerritory" -> s.setNewSalesTerritory(new LinkedHashSet<>(list(cell)));
				case "emergency" -> s.setEmergency(bool(cell));
				default -> throw new IllegalStateException(column);
			}
		}
		catch (IllegalArgumentException | DateTimeParseException ex) {
			errors.add(new InputError(prefix + column, "CSV line " + line + ": '" + cell + "' is not a valid "
					+ column + " (" + hint(column) + ")"));
		}
	}

	private static List<String> list(String cell) {
		if (cell.equalsIgnoreCase("NONE")) {
			return List.of();
		}
		return List.of(cell.split(";")).stream().map(String::strip).filter((x) -> !x.isEmpty()).toList();
	}

	private static Boolean bool(String cell) {
		return switch (cell.toLowerCase(Locale.ROOT)) {
			case "true" -> Boolean.TRUE;
			case "false" -> Boolean.FALSE;
			default -> throw new IllegalArgumentException(cell);
		};
	}

	private static String hint(String column) {
		return switch (column) {
			case "asOf" -> "a date yyyy-mm-dd that exists";
			case "channel" -> "FMS, DCS or MANUFACTURING_AGREEMENT";
			case "usmlCategories" -> "USML categories I to XXI separated by ';', or NONE";
			case "significantMilitaryEquipment", "emergency" -> "true or false";
			default -> "a number";
		};
	}

}
