package org.exportpathways.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.exportpathways.api.NotificationsApi;
import org.exportpathways.domain.InputError;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The body size limit of each endpoint ({@code exportpathways.limits.body-bytes}, and
 * {@code simulation-body-bytes} for simulations): a declared {@code Content-Length} over
 * it is refused at once with 413; a body without one (chunked) is counted as it is read
 * and refused when it passes the limit, before the JSON reader has built anything large.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class BodyLimitFilter extends OncePerRequestFilter {

	private final RequestLimits limits;

	BodyLimitFilter(RequestLimits limits) {
		this.limits = limits;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean simulation = request.getRequestURI().startsWith(NotificationsApi.PATH_SIMULATE_NOTIFICATIONS);
		boolean upload = request.getContentType() != null
				&& request.getContentType().toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
		boolean job = upload && request.getRequestURI().startsWith(NotificationsApi.PATH_CREATE_SIMULATION_JOB);
		long limit = job ? limits.jobBodyBytes() : simulation ? limits.simulationBodyBytes() : limits.bodyBytes();
		String setting = job ? "exportpathways.limits.job-body-bytes"
				: simulation ? "exportpathways.limits.simulation-body-bytes" : "exportpathways.limits.body-bytes";
		long declared = request.getContentLengthLong();
		if (declared > limit) {
			Problems.LIMIT_EXCEEDED.write(response, 413, tooLarge(limit, setting), new InputError("$", tooLarge(limit)),
					null);
			return;
		}
		chain.doFilter(new Counted(request, limit, setting), response);
	}

	static String tooLarge(long limit) {
		return "the body is larger than " + limit + " bytes";
	}

	static String tooLarge(long limit, String setting) {
		return "The request body is larger than " + limit + " bytes (" + setting + ").";
	}

	/** Thrown by the counting stream when the body passes the limit. */
	static final class BodyTooLargeException extends IOException {

		final long limit;

		final String setting;

		BodyTooLargeException(long limit, String setting) {
			super(tooLarge(limit, setting), null);
			this.limit = limit;
			this.setting = setting;
		}

	}

	private static final class Counted extends HttpServletRequestWrapper {

		private final long limit;

		private final String setting;

		private ServletInputStream stream;

		Counted(HttpServletRequest request, long limit, String setting) {
			super(request);
			this.limit = limit;
			this.setting = setting;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.stream == null) {
				this.stream = new CountingStream(super.getInputStream(), this.limit, this.setting);
			}
			return this.stream;
		}

	}

	private static final class CountingStream extends ServletInputStream {

		private final ServletInputStream in;

		private final long limit;

		private final String setting;

		private long count;

		CountingStream(ServletInputStream in, long limit, String setting) {
			this.in = in;
			this.limit = limit;
			this.setting = setting;
		}

		private int counted(int n) throws IOException {
			if (n > 0) {
				this.count += n;
				if (this.count > this.limit) {
					throw new BodyTooLargeException(this.limit, this.setting);
				}
			}
			return n;
		}

		@Override
		public int read() throws IOException {
			int b = this.in.read();
			if (b >= 0) {
				counted(1);
			}
			return b;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			return counted(this.in.read(b, off, len));
		}

		@Override
		public boolean isFinished() {
			return this.in.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.in.setReadListener(listener);
		}

	}

}
