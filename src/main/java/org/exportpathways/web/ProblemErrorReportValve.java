package org.exportpathways.web;

import java.io.IOException;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's report of an error it raises before (or without) the application, e.g. a path
 * with an encoded NUL: the same problem+json as every other error, never Tomcat's HTML
 * page.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		try {
			response.resetBuffer();
			SecurityHeadersFilter.apply(response);
			Problems kind = Problems.of(status);
			kind.write(response, status, kind.documentation(), Problems.containerError(status), null);
		}
		catch (IOException | IllegalStateException ex) {
			// the response is gone; nothing more to say
		}
	}

}
