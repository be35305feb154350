package org.exportpathways.web;

import java.util.ArrayList;
import java.util.List;

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
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.util.DisconnectedClientHelper;
import tools.jackson.core.exc.StreamConstraintsException;
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

	/** The constraint's message; the rejected value is never echoed back. */
	private static String describe(FieldError fe) {
		return fe.getDefaultMessage();
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		BodyLimitFilter.BodyTooLargeException tooLarge = cause(ex, BodyLimitFilter.BodyTooLargeException.class);
		if (tooLarge != null) {
			return problem(Problems.LIMIT_EXCEEDED, HttpStatus.CONTENT_TOO_LARGE,
					BodyLimitFilter.tooLarge(tooLarge.limit, tooLarge.setting),
					List.of(new InputError("$", BodyLimitFilter.tooLarge(tooLarge.limit))));
		}
		StreamConstraintsException constraint = cause(ex, StreamConstraintsException.class);
		if (constraint != null) {
			String setting = constraintSetting(constraint);
			return problem(Problems.LIMIT_EXCEEDED, HttpStatus.BAD_REQUEST,
					"The JSON is over a limit (" + setting + ").",
					List.of(new InputError("$", constraintMessage(setting))));
		}
		LimitedInputException limited = cause(ex, LimitedInputException.class);
		if (limited != null && limited.setting() != null) {
			return problem(Problems.LIMIT_EXCEEDED, HttpStatus.BAD_REQUEST,
					"A value is over a limit (" + limited.setting() + ").", List.of(readError(ex)));
		}
		InputError error = readError(ex);
		boolean malformed = cause(ex, DatabindException.class) == null;
		return problem(malformed ? Problems.MALFORMED_BODY : Problems.INVALID_REQUEST, HttpStatus.BAD_REQUEST,
				"The request body could not be read.", List.of(error));
	}

	static <T extends Throwable> T cause(Throwable ex, Class<T> type) {
		for (Throwable t = ex; t != null; t = (t.getCause() == t) ? null : t.getCause()) {
			if (type.isInstance(t)) {
				return type.cast(t);
			}
		}
		return null;
	}

	private static String constraintSetting(StreamConstraintsException ex) {
		String m = String.valueOf(ex.getMessage()).toLowerCase(java.util.Locale.ROOT);
		if (m.contains("nesting")) {
			return "exportpathways.limits.json-depth";
		}
		if (m.contains("number")) {
			return "exportpathways.limits.number-length";
		}
		if (m.contains("string") || m.contains("name")) {
			return "exportpathways.limits.string-length";
		}
		return "exportpathways.limits";
	}

	private static String constraintMessage(String setting) {
		return switch (setting) {
			case "exportpathways.limits.json-depth" -> "the JSON is nested too deeply";
			case "exportpathways.limits.number-length" -> "a number is too long";
			case "exportpathways.limits.string-length" -> "a string is too long";
			default -> "the JSON is over a limit";
		};
	}

	static InputError readError(Throwable ex) {
		Throwable t = ex;
		while (t != null && !(t instanceof JacksonException)) {
			t = t.getCause();
		}
		if (t instanceof LimitedInputException l) {
			return new InputError(path(l), l.getOriginalMessage());
		}
		if (t instanceof InvalidNullException n) {
			return new InputError(path(n), "null is not allowed here (leave the field out when it is unknown)");
		}
		if (t instanceof UnrecognizedPropertyException u) {
			return new InputError(path(u), "not a field of the contract (nothing is ignored silently)");
		}
		if (t instanceof InvalidFormatException f) {
			return new InputError(path(f), "not a valid " + typeName(f.getTargetType()));
		}
		if (t instanceof ValueInstantiationException v) {
			Class<?> type = (v.getType() != null) ? v.getType().getRawClass() : null;
			return new InputError(path(v), "not a valid " + typeName(type));
		}
		if (t instanceof MismatchedInputException m) {
			return new InputError(path(m), "expected a " + typeName(m.getTargetType()) + " here");
		}
		if (t instanceof DatabindException d) {
			return new InputError(path(d), "not a valid value here");
		}
		if (t instanceof StreamReadException s) {
			String where = (s.getLocation() != null)
					? " at line " + s.getLocation().getLineNr() + ", column " + s.getLocation().getColumnNr() : "";
			return new InputError("$", "malformed JSON" + where);
		}
		if (t instanceof JacksonException) {
			return new InputError("$", "malformed JSON");
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
		if (Boolean.class.equals(type) || boolean.class.equals(type)) {
			return "boolean (true or false)";
		}
		if (String.class.equals(type)) {
			return "string";
		}
		if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
			return "array";
		}
		if (java.util.Map.class.isAssignableFrom(type)) {
			return "JSON object";
		}
		return "value";
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String field = (ex instanceof MethodArgumentTypeMismatchException m) ? m.getName() : ex.getPropertyName();
		return problem(HttpStatus.BAD_REQUEST, "Invalid request parameter.", List
			.of(new InputError((field != null) ? field : "$", "not a valid " + typeName(ex.getRequiredType()))));
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<InputError> errors = new ArrayList<>();
		ex.getParameterValidationResults()
			.forEach((r) -> r.getResolvableErrors()
				.forEach((e) -> errors
					.add(new InputError(r.getMethodParameter().getParameterName(), e.getDefaultMessage()))));
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
		return problem(Problems.MALFORMED_BODY, HttpStatus.BAD_REQUEST, "Invalid request content.",
				List.of(new InputError("$", "not a valid multipart/form-data body")));
	}

	@Override
	protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return problem(Problems.LIMIT_EXCEEDED, HttpStatus.CONTENT_TOO_LARGE,
				"The upload is larger than allowed (exportpathways.limits.job-body-bytes, which "
						+ "spring.servlet.multipart.max-request-size follows).",
				List.of(new InputError("$", "the upload is too large")));
	}

	@ExceptionHandler(LimitExceededException.class)
	ResponseEntity<Object> handleLimit(LimitExceededException ex) {
		return problem(Problems.LIMIT_EXCEEDED, ex.status(), ex.getMessage() + " (" + ex.setting() + ").",
				List.of(new InputError(ex.field(), ex.getMessage())));
	}

	@ExceptionHandler(SimulationGate.BusyException.class)
	ResponseEntity<Object> handleBusy(SimulationGate.BusyException ex) {
		ResponseEntity<Object> busy = problem(Problems.BUSY, HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage(),
				List.of());
		return ResponseEntity.status(busy.getStatusCode())
			.headers(busy.getHeaders())
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfterSeconds()))
			.body(busy.getBody());
	}

	/**
	 * The problems Spring MVC raises itself (405, 406, 415, 404, ...): the kind's type
	 * and a fixed detail that does not echo the request.
	 */
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		if (body == null || body instanceof ProblemDetail) {
			Problems kind = Problems.of(statusCode.value());
			ProblemDetail pd = ProblemDetail.forStatusAndDetail(statusCode, kind.documentation());
			pd.setType(kind.type());
			pd.setTitle(kind.title());
			if (body instanceof ProblemDetail original && original.getProperties() != null) {
				original.getProperties().forEach(pd::setProperty);
			}
			body = pd;
		}
		HttpHeaders h = new HttpHeaders();
		if (headers != null) {
			h.putAll(headers);
		}
		h.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		return super.handleExceptionInternal(ex, body, h, statusCode, request);
	}

	@ExceptionHandler(CountryProfileService.UnknownCountryException.class)
	ResponseEntity<Object> handleUnknownCountry(CountryProfileService.UnknownCountryException ex) {
		return problem(Problems.NOT_FOUND, HttpStatus.NOT_FOUND, ex.getMessage(),
				List.of(new InputError("code", ex.getMessage())));
	}

	@ExceptionHandler(InvalidInputException.class)
	ResponseEntity<Object> handleInvalidInput(InvalidInputException ex) {
		return ex.unprocessable()
				? problem(Problems.UNPROCESSABLE, HttpStatus.UNPROCESSABLE_CONTENT,
						"The rule bundle cannot decide on this input.", ex.errors())
				: problem(HttpStatus.BAD_REQUEST, "Invalid request content.", ex.errors());
	}

	@ExceptionHandler(ApiProblem.class)
	ResponseEntity<Object> handleApiProblem(ApiProblem ex) {
		return problem(ex.status(), ex.getMessage(), ex.errors());
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> handleUnexpected(Exception ex) {
		if (DisconnectedClientHelper.isClientDisconnectedException(ex)) {
			// the client went away: nothing to answer, nothing to alarm anyone about
			log.debug("Client disconnected: {}", ex.toString());
			return null;
		}
		log.error("Unexpected error", ex);
		return problem(Problems.INTERNAL_ERROR, HttpStatus.INTERNAL_SERVER_ERROR,
				"Unexpected error; nothing was decided. Please report it.", List.of());
	}

	private static ResponseEntity<Object> problem(HttpStatus status, String detail, List<InputError> all) {
		return problem(Problems.INVALID_REQUEST, status, detail, all);
	}

	private static ResponseEntity<Object> problem(Problems kind, HttpStatus status, String detail,
			List<InputError> all) {
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(kind.detail(status, detail, all));
	}

}
