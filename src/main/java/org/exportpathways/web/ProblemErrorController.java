package org.exportpathways.web;

import java.io.IOException;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The container's error page ({@code /error}, where Tomcat forwards an error raised
 * outside Spring MVC, and the path itself): the same problem+json as every other error,
 * instead of Spring Boot's default JSON or white-label page.
 */
@RestController
class ProblemErrorController implements ErrorController {

	@RequestMapping("${server.error.path:/error}")
	void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int status = (code instanceof Integer i) ? i : 404;
		if (status < 400) {
			status = 404;
		}
		Problems kind = Problems.of(status);
		SecurityHeadersFilter.apply(response);
		response.resetBuffer();
		kind.write(response, status, kind.documentation(), Problems.containerError(status), null);
	}

}
