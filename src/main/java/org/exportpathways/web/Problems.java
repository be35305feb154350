package org.exportpathways.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.exportpathways.domain.InputError;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * The kinds of problem the service answers with, each documented at
 * {@code /problems/<kind>} (the {@code type} of the problem), and the one way they are
 * written, also by the filters and the servlet container, where no controller advice
 * runs.
 */
public enum Problems {

	/** A field is missing, of the wrong type, out of range or not allowed. */
	INVALID_REQUEST("invalid-request", "Invalid request",
			"A field of the request is missing, of the wrong type, out of range, duplicated where items must be unique, or not part of the contract. "
					+ "`errors` lists every field found wrong (at most 100; `detail` gives the count), each by its JSON path."),
	/** The body is not JSON (or CSV, or multipart) at all. */
	MALFORMED_BODY("malformed-body", "Malformed request body",
			"The body could not be read as the media type it declares (JSON, CSV or multipart/form-data). "
					+ "`errors` points at the line and column where reading stopped."),
	/** The request is over one of the configured limits. */
	LIMIT_EXCEEDED("limit-exceeded", "Request over a limit",
			"The request is larger than a configured limit: body size (413), items, sales or scenarios (413), JSON nesting, "
					+ "string or number length, digits of a number (400). `errors` names the field and `detail` the setting "
					+ "(`exportpathways.limits.*`). Split the request; batches larger than a synchronous simulation allows "
					+ "belong to batch jobs."),
	/** Well-formed input the rule bundle cannot decide on. */
	UNPROCESSABLE("unprocessable", "Cannot decide on this input",
			"Well-formed input the rule bundle cannot decide on, e.g. a date before its coverage or an index year it has no data for."),
	/** No such resource. */
	NOT_FOUND("not-found", "Not found", "No resource at this path (or no such country code)."),
	/** The path exists, the method does not. */
	METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed",
			"The path does not answer this HTTP method; the `Allow` header lists those it does."),
	/** The body's media type is not one the operation reads. */
	UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type",
			"The operation reads `application/json` (and the simulation also `multipart/form-data`)."),
	/** The client accepts no media type the operation writes. */
	NOT_ACCEPTABLE("not-acceptable", "Not acceptable",
			"The operation answers `application/json`, and problems as `application/problem+json`; the `Accept` header allows neither."),
	/** Simulations are all busy. */
	BUSY("busy", "Busy",
			"Every simulation slot is taken (`exportpathways.limits.concurrent-simulations`); retry after the seconds in `Retry-After`. "
					+ "Single decisions are not affected."),
	/** The request line or headers could not be processed. */
	BAD_REQUEST("bad-request", "Bad request",
			"The request line, path or headers could not be processed (e.g. an encoded NUL in the path)."),
	/** A fault of the service. */
	INTERNAL_ERROR("internal-error", "Internal error", "An unexpected fault; nothing was decided. Please report it.");

	private final String slug;

	private final String title;

	private final String documentation;

	Problems(String slug, String title, String documentation) {
		this.slug = slug;
		this.title = title;
		this.documentation = documentation;
	}

	public String slug() {
		return this.slug;
	}

	public String title() {
		return this.title;
	}

	public String documentation() {
		return this.documentation;
	}

	public URI type() {
		return URI.create("/problems/" + this.slug);
	}

	/** The kind of a status when nothing more precise is known. */
	public static Problems of(int status) {
		return switch (status) {
			case 400 -> BAD_REQUEST;
			case 404 -> NOT_FOUND;
			case 405 -> METHOD_NOT_ALLOWED;
			case 406 -> NOT_ACCEPTABLE;
			case 413 -> LIMIT_EXCEEDED;
			case 415 -> UNSUPPORTED_MEDIA_TYPE;
			case 422 -> UNPROCESSABLE;
			case 429, 503 -> BUSY;
			default -> (status >= 500) ? INTERNAL_ERROR : BAD_REQUEST;
		};
	}

	public static Problems bySlug(String slug) {
		for (Problems p : values()) {
			if (p.slug.equals(slug)) {
				return p;
			}
		}
		return null;
	}

	/**
	 * What a 400 or 413 raised outside the controllers names: the request itself (the
	 * other statuses need no field).
	 */
	static InputError containerError(int status) {
		if (status == 400) {
			return new InputError("$", "the request line, path or headers could not be processed");
		}
		if (status == 413) {
			return new InputError("$", "the request is too large");
		}
		return null;
	}

	/** At most this many field errors are listed; {@code detail} gives the count. */
	static final int MAX_ERRORS = 100;

	public ProblemDetail detail(HttpStatus status, String detail, List<InputError> all) {
		List<InputError> errors = (all.size() > MAX_ERRORS) ? all.subList(0, MAX_ERRORS) : all;
		if (all.size() > MAX_ERRORS) {
			detail = detail + " " + all.size() + " problems; the first " + MAX_ERRORS + " are listed.";
		}
		ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
		pd.setType(type());
		pd.setTitle(this.title);
		if (!errors.isEmpty()) {
			pd.setProperty("errors", errors.stream().map(Problems::error).toList());
		}
		return pd;
	}

	private static Map<String, String> error(InputError e) {
		Map<String, String> m = new LinkedHashMap<>();
		m.put("field", e.field());
		m.put("message", e.message());
		return m;
	}

	/**
	 * Writes the problem straight to a servlet response (filters, the error page, the
	 * container's error report).
	 */
	public void write(HttpServletResponse response, int status, String detail, InputError error, String instance)
			throws IOException {
		StringBuilder json = new StringBuilder(256);
		json.append("{\"type\":").append(quote(type().toString()));
		json.append(",\"title\":").append(quote(this.title));
		json.append(",\"status\":").append(status);
		json.append(",\"detail\":").append(quote(detail));
		if (instance != null) {
			json.append(",\"instance\":").append(quote(instance));
		}
		if (error != null) {
			json.append(",\"errors\":[{\"field\":")
				.append(quote(error.field()))
				.append(",\"message\":")
				.append(quote(error.message()))
				.append("}]");
		}
		json.append('}');
		byte[] body = json.toString().getBytes(StandardCharsets.UTF_8);
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
		response.flushBuffer();
	}

	static String quote(String s) {
		StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			switch (c) {
				case '"' -> sb.append("\\\"");
				case '\\' -> sb.append("\\\\");
				default -> {
					if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x2028 || c == 0x2029) {
						sb.append(String.format("\\u%04x", (int) c));
					}
					else {
						sb.append(c);
					}
				}
			}
		}
		return sb.append('"').toString();
	}

}
