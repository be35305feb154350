package org.exportpathways.web;

import java.util.HashMap;
import java.util.Map;

import io.restassured.response.ValidatableResponse;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Helpers shared by the REST Assured tests: request bodies as maps, and the problem+json
 * check.
 */
final class ApiTestSupport {

	private ApiTestSupport() {
	}

	/** A mutable JSON object from alternating keys and values. */
	static Map<String, Object> map(Object... kv) {
		Map<String, Object> m = new HashMap<>();
		for (int i = 0; i < kv.length; i += 2) {
			m.put((String) kv[i], kv[i + 1]);
		}
		return m;
	}

	/**
	 * The response is an RFC 9457 problem with this status whose errors name this field.
	 */
	static ValidatableResponse problem(ValidatableResponse r, int status, String field) {
		return r.statusCode(status)
			.contentType("application/problem+json")
			.body("status", equalTo(status))
			.body("errors.field", hasItem(field));
	}

}
