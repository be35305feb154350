package org.exportpathways.web;

import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.exportpathways.records.DecisionRecord;
import org.exportpathways.records.DecisionRecorder;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Records every decision at the boundary between the web layer and the kernel, whatever
 * the operation: a response body that has a {@code decisionId} property (the contract
 * gives it to every decision response) is a decision. Before the body is written, the
 * request as read, the response, its {@code rulesetVersion} and {@code asOf} are
 * committed to the records ({@link DecisionRecorder}, group commit); only then is the
 * response given its {@code decisionId} and {@code Location} and sent. If the record
 * cannot be committed the client gets a 500, not an unrecorded answer. A new operation
 * whose response schema has {@code decisionId} is recorded without new code.
 */
@ControllerAdvice
public class DecisionRecording extends RequestBodyAdviceAdapter implements ResponseBodyAdvice<Object> {

	static final String REQUEST = DecisionRecording.class.getName() + ".request";

	/** Where the outcome and the country of a decision are found, first match wins. */
	static final List<String> OUTCOME = List.of("/outcome", "/buyAmerican/status");

	static final List<String> COUNTRY = List.of("/recipient", "/destination", "/supplierCountry", "/country");

	private final DecisionRecorder recorder;

	private final JsonMapper json;

	private final Clock clock;

	private final boolean enabled;

	public DecisionRecording(DecisionRecorder recorder, JsonMapper json, Clock clock,
			org.exportpathways.records.RecordsProperties props) {
		this.recorder = recorder;
		this.json = json;
		this.clock = clock;
		this.enabled = props.on();
	}

	/** Keeps the request body as read for the record (for any operation). */
	@Override
	public boolean supports(MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		return enabled;
	}

	@Override
	public Object afterBodyRead(Object body, HttpInputMessage input, MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		requestBody(body);
		return body;
	}

	/**
	 * Names the request a handler decides when it is not read from a JSON body (e.g. a
	 * CSV upload read into the same request type).
	 */
	static void requestBody(Object body) {
		RequestAttributes attrs = RequestContextHolder.getRequestAttributes();
		if (attrs != null) {
			attrs.setAttribute(REQUEST, body, RequestAttributes.SCOPE_REQUEST);
		}
	}

	@Override
	public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
		return enabled;
	}

	@Override
	public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
			Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
			ServerHttpResponse response) {
		Method setter = (body != null) ? decisionIdSetter(body.getClass()) : null;
		if (setter == null || NotADecision.class.isAssignableFrom(returnType.getContainingClass())) {
			return body;
		}
		RequestAttributes attrs = RequestContextHolder.getRequestAttributes();
		Object requestBody = (attrs != null) ? attrs.getAttribute(REQUEST, RequestAttributes.SCOPE_REQUEST) : null;
		String kind = kind(returnType.getMethod());
		String id = UUID.randomUUID().toString();
		JsonNode req = (requestBody != null) ? json.valueToTree(requestBody) : json.createObjectNode();
		JsonNode res = json.valueToTree(body);
		String asOf = text(res, List.of("/asOf"));
		if (asOf == null) {
			asOf = text(req, List.of("/asOf"));
		}
		if (asOf == null) {
			// the request took "today": the date it was decided as of
			asOf = LocalDate.now(clock).toString();
		}
		if (req instanceof ObjectNode o && !o.hasNonNull("asOf") && hasProperty(requestBody, "asOf")) {
			o.put("asOf", asOf);
		}
		if (res instanceof ObjectNode o) {
			o.put("decisionId", id);
		}
		recorder.record(new DecisionRecord(id, kind, clock.instant(), text(res, List.of("/rulesetVersion")),
				LocalDate.parse(asOf), text(res, OUTCOME), text(req, COUNTRY), json.writeValueAsString(req),
				json.writeValueAsString(res)));
		try {
			setter.invoke(body, id);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
		response.getHeaders().setLocation(URI.create("/v1/decisions/" + id));
		if (attrs != null && request instanceof org.springframework.http.server.ServletServerHttpRequest s) {
			HttpServletRequest r = s.getServletRequest();
			r.setAttribute(REQUEST + ".id", id);
		}
		return body;
	}

	/** The operation's name: the handler method, the form of an upload folded into it. */
	static String kind(Method method) {
		String name = (method != null) ? method.getName() : "decision";
		return name.endsWith("Upload") ? name.substring(0, name.length() - "Upload".length()) : name;
	}

	static Method decisionIdSetter(Class<?> type) {
		try {
			return type.getMethod("setDecisionId", String.class);
		}
		catch (NoSuchMethodException ex) {
			return null;
		}
	}

	private static boolean hasProperty(Object bean, String name) {
		if (bean == null) {
			return false;
		}
		try {
			bean.getClass()
				.getMethod("set" + Character.toUpperCase(name.charAt(0)) + name.substring(1), LocalDate.class);
			return true;
		}
		catch (NoSuchMethodException ex) {
			return false;
		}
	}

	static String text(JsonNode node, List<String> pointers) {
		for (String p : pointers) {
			JsonNode v = node.at(p);
			if (v != null && v.isValueNode() && !v.isNull()) {
				return v.asString();
			}
		}
		return null;
	}

}
