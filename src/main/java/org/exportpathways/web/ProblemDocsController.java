package org.exportpathways.web;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The documentation each problem's {@code type} points at: {@code /problems/<kind>}, a
 * short page saying what the error means and what to do, and {@code /problems}, the list.
 */
@RestController
class ProblemDocsController {

	@GetMapping(path = "/problems", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> index() {
		StringBuilder body = new StringBuilder("<h1>Problem types</h1>\n<ul>\n");
		for (Problems p : Problems.values()) {
			body.append("<li><a href=\"/problems/")
				.append(p.slug())
				.append("\">")
				.append(HtmlUtils.htmlEscape(p.title()))
				.append("</a></li>\n");
		}
		return page("Problem types", body.append("</ul>\n").toString());
	}

	@GetMapping(path = "/problems/{kind}", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> kind(@PathVariable String kind) {
		Problems p = Problems.bySlug(kind);
		if (p == null) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND)
				.contentType(MediaType.TEXT_HTML)
				.body("<!DOCTYPE html><title>Not found</title><p>No such problem type; see <a href=\"/problems\">the list</a>.</p>");
		}
		return page(p.title(),
				"<h1>" + HtmlUtils.htmlEscape(p.title()) + "</h1>\n<p><code>type: " + p.type() + "</code></p>\n<p>"
						+ HtmlUtils.htmlEscape(p.documentation()).replaceAll("`([^`]*)`", "<code>$1</code>")
						+ "</p>\n<p>Every problem is an RFC 9457 <code>application/problem+json</code> body; "
						+ "<code>errors</code> names each field (its JSON path) with a short message.</p>\n"
						+ "<p><a href=\"/problems\">All problem types</a></p>\n");
	}

	private static ResponseEntity<String> page(String title, String body) {
		return ResponseEntity.ok()
			.contentType(MediaType.TEXT_HTML)
			.cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)))
			.body("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"UTF-8\"><title>"
					+ HtmlUtils.htmlEscape(title) + " - Export Pathways</title></head>\n<body>\n" + body
					+ "</body></html>\n");
	}

}
