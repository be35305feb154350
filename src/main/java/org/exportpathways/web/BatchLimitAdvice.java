package org.exportpathways.web;

import java.lang.reflect.Type;
import java.util.List;

import org.exportpathways.api.model.ScreeningRequestDto;
import org.exportpathways.api.model.SimulationRequestDto;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Counts the items of a screening and the sales and scenarios of a simulation once the
 * body is read and before it is validated: a request over a limit is refused (413)
 * without validating a single item.
 */
@ControllerAdvice
class BatchLimitAdvice extends RequestBodyAdviceAdapter {

	private final RequestLimits limits;

	BatchLimitAdvice(RequestLimits limits) {
		this.limits = limits;
	}

	@Override
	public boolean supports(MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		return targetType == SimulationRequestDto.class || targetType == ScreeningRequestDto.class;
	}

	@Override
	public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		if (body instanceof SimulationRequestDto s && parameter.getMethod() != null
				&& parameter.getMethod().getName().equals("createSimulationJob")) {
			checkJob(s, this.limits);
		}
		else if (body instanceof SimulationRequestDto s) {
			check(s, this.limits);
		}
		if (body instanceof ScreeningRequestDto s) {
			check("items", s.getItems(), this.limits.screeningItems(), "exportpathways.limits.screening-items",
					"items in one screening");
		}
		return body;
	}

	/** The sales and scenarios of a simulation, JSON or CSV upload. */
	static void check(SimulationRequestDto s, RequestLimits limits) {
		check("sales", s.getSales(), limits.simulationSales(), "exportpathways.limits.simulation-sales",
				"sales in one synchronous simulation (larger batches belong to batch jobs)");
		check("scenarios", s.getScenarios(), limits.simulationScenarios(), "exportpathways.limits.simulation-scenarios",
				"scenarios in one synchronous simulation");
	}

	/** The sales and scenarios of a batch job's JSON body. */
	static void checkJob(SimulationRequestDto s, RequestLimits limits) {
		check("sales", s.getSales(), limits.jobSales(), "exportpathways.limits.job-sales", "sales in one batch job");
		check("scenarios", s.getScenarios(), limits.simulationScenarios(), "exportpathways.limits.simulation-scenarios",
				"scenarios in one simulation");
	}

	private static void check(String field, List<?> list, long max, String setting, String what) {
		if (list != null && list.size() > max) {
			throw new LimitExceededException(HttpStatus.CONTENT_TOO_LARGE, field, setting,
					"at most " + max + " " + what + ", got " + list.size());
		}
	}

}
