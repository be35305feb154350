package org.exportpathways.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.exportpathways.domain.InputError;
import org.exportpathways.domain.InvalidInputException;
import org.exportpathways.screening.CountryProfileService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * Every error is an RFC 9457 {@code application/problem+json} body whose {@code errors}
 * name each offending field: malformed JSON, a missing or out-of-range field, an unknown
 * code, an impossible date. Never a silent default.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return problem(HttpStatus.BAD_REQUEST, "Invalid request content.", errors(ex.getBindingResult()));
	}

	/** The bean validation errors, each naming its field as the request spells it. */
	static List<InputError> errors(Errors result) {
		List<InputError> errors = new ArrayList<>();
		for (FieldError fe : result.getFieldErrors()) {
			errors.add(new InputError(fe.getField(), describe(fe)));
		}
		result.getGlobalErrors().forEach((ge) -> errors.add(new InputError("$", ge.getDefaultMessage())));
		return errors;
	}

	private static String describe(FieldError fe) {
		String msg = fe.getDefaultMessage();
		Object rejected = fe.getRejectedValue();
		if (rejected == null) {
			return msg;
		}
		return msg + " (got " + rejected + ")";
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return problem(HttpStatus.BAD_REQUEST, "The request body could not be read.", List.of(readError(ex)));
	}

	static InputError readError(Throwable ex) {
		Throwable t = ex;
		while (t != null && !(t instanceof JacksonException)) {
			t = t.getCause();
		}
		if (t instanceof InvalidNullException n) {
			return new InputError(path(n), "null is not allowed here (leave the field out when it is unknown)");
		}
		if (t instanceof UnrecognizedPropertyException u) {
			return new InputError(path(u), "unknown field '" + u.getPropertyName() + "' (nothing is ignored silently)");
		}
		if (t instanceof InvalidFormatException f) {
			return new InputError(path(f), "'" + f.getValue() + "' is not a valid " + typeName(f.getTargetType()));
		}
		if (t instanceof ValueInstantiationException v) {
			Class<?> type = (v.getType() != null) ? v.getType().getRawClass() : null;
			return new InputError(path(v),
					rootMessage(v) + ((type != null && type.isEnum()) ? "; expected a " + typeName(type) : ""));
		}
		if (t instanceof MismatchedInputException m) {
			return new InputError(path(m), "expected a " + typeName(m.getTargetType()) + " here");
		}
		if (t instanceof DatabindException d) {
			return new InputError(path(d), rootMessage(d));
		}
		if (t instanceof StreamReadException s) {
			String where = (s.getLocation() != null)
					? " at line " + s.getLocation().getLineNr() + ", column " + s.getLocation().getColumnNr() : "";
			return new InputError("$", "malformed JSON" + where + ": " + s.getOriginalMessage());
		}
		if (t instanceof JacksonException j) {
			return new InputError("$", "malformed JSON: " + j.getOriginalMessage());
		}
		return new InputError("$", (ex.getMessage() != null && ex.getMessage().startsWith("Required request body"))
				? "a request body is required" : "the request body could not be read");
	}

	private static String path(DatabindException ex) {
		StringBuilder sb = new StringBuilder();
		for (JacksonException.Reference ref : ex.getPath()) {
			if (ref.getPropertyName() != null) {
				if (!sb.isEmpty()) {
					sb.append('.');
				}
				sb.append(ref.getPropertyName());
			}
			else if (ref.getIndex() >= 0) {
				sb.append('[').append(ref.getIndex()).append(']');
			}
		}
		return sb.isEmpty() ? "$" : sb.toString();
	}

	static String typeName(Class<?> type) {
		if (type == null) {
			return "value";
		}
		if (java.time.LocalDate.class.equals(type)) {
			return "date (yyyy-mm-dd, a day that exists)";
		}
		if (java.math.BigDecimal.class.equals(type) || Number.class.isAssignableFrom(type)) {
			return "number";
		}
		if (type.getSimpleName().endsWith("Dto") && !type.isEnum()) {
			return "JSON object (" + type.getSimpleName().replace("Dto", "") + ")";
		}
		if (type.isEnum()) {
			List<String> values = new ArrayList<>();
			for (Object c : type.getEnumConstants()) {
				values.add(c.toString());
			}
			return "value, one of " + values;
		}
		if (Boolean.class.equals(type)) {
			return "boolean (true or false)";
		}
		return type.getSimpleName().replace("Dto", "");
	}

	private static String rootMessage(Throwable t) {
		Throwable root = t;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String m = (root instanceof JacksonException j) ? j.getOriginalMessage() : root.getMessage();
		return (m != null) ? m : root.getClass().getSimpleName();
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String field = (ex instanceof MethodArgumentTypeMismatchException m) ? m.getName() : ex.getPropertyName();
		return problem(HttpStatus.BAD_REQUEST, "Invalid request parameter.",
				List.of(new InputError((field != null) ? field : "$",
						"'" + ex.getValue() + "' is not a valid " + typeName(ex.getRequiredType()))));
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<InputError> errors = new ArrayList<>();
		ex.getParameterValidationResults()
			.forEach((r) -> r.getResolvableErrors()
				.forEach((e) -> errors.add(new InputError(r.getMethodParameter().getParameterName(),
						e.getDefaultMessage() + " (got " + r.getArgument() + ")"))));
		return problem(HttpStatus.BAD_REQUEST, "Invalid request parameter.", errors);
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return problem(HttpStatus.BAD_REQUEST, "Invalid request content.",
				List.of(new InputError(ex.getRequestPartName(),
						"the multipart upload needs a '" + ex.getRequestPartName() + "' part")));
	}

	@ExceptionHandler(MultipartException.class)
	ResponseEntity<Object> handleMultipart(MultipartException ex) {
		return problem(HttpStatus.BAD_REQUEST, "Invalid request content.",
				List.of(new InputError("$", "not a valid multipart/form-data body")));
	}

	@ExceptionHandler(CountryProfileService.UnknownCountryException.class)
	ResponseEntity<Object> handleUnknownCountry(CountryProfileService.UnknownCountryException ex) {
		return problem(HttpStatus.NOT_FOUND, ex.getMessage(), List.of(new InputError("code", ex.getMessage())));
	}

	@ExceptionHandler(InvalidInputException.class)
	ResponseEntity<Object> handleInvalidInput(InvalidInputException ex) {
		return ex.unprocessable()
				? problem(HttpStatus.UNPROCESSABLE_CONTENT, "The rule bundle cannot decide on this input.", ex.errors())
				: problem(HttpStatus.BAD_REQUEST, "Invalid request content.", ex.errors());
	}

	@ExceptionHandler(ApiProblem.class)
	ResponseEntity<Object> handleApiProblem(ApiProblem ex) {
		return problem(ex.status(), ex.getMessage(), ex.errors());
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> handleUnexpected(Exception ex) {
		log.error("Unexpected error", ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Unexpected error; nothing was decided. Please report it.",
				List.of());
	}

	private static Map<String, String> error(InputError e) {
		Map<String, String> m = new LinkedHashMap<>();
		m.put("field", e.field());
		m.put("message", e.message());
		return m;
	}

	/**
	 * At most this many field errors are listed in one response; the detail says how many
	 * more there were.
	 */
	static final int MAX_ERRORS = 100;

	private static ResponseEntity<Object> problem(HttpStatus status, String detail, List<InputError> all) {
		List<InputError> errors = (all.size() > MAX_ERRORS) ? all.subList(0, MAX_ERRORS) : all;
		if (all.size() > MAX_ERRORS) {
			detail = detail + " " + all.size() + " problems; the first " + MAX_ERRORS + " are listed.";
		}
		ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
		pd.setType(URI.create("about:blank"));
		if (!errors.isEmpty()) {
			pd.setProperty("errors", errors.stream().map(ProblemHandler::error).toList());
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
	}

}
