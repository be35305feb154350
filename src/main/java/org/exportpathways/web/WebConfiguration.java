package org.exportpathways.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.exportpathways.bundle.RulesetVersion;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The web surface around the API: Tomcat's own error reports as problem+json, and
 * {@code /actuator/info} with the application, API and rule bundle versions.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

	/**
	 * Replaces Tomcat's HTML error report (errors raised before the application, e.g. a
	 * path with an encoded NUL) with {@link ProblemErrorReportValve}.
	 */
	@Bean
	WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> problemErrorReports() {
		return new ProblemErrorReports();
	}

	/** After Spring Boot's own customizer, which adds a plain error report valve. */
	private static final class ProblemErrorReports
			implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

		@Override
		public void customize(ConfigurableTomcatWebServerFactory factory) {
			factory.addContextCustomizers((context) -> {
				Container parent = context.getParent();
				for (Valve valve : parent.getPipeline().getValves()) {
					if (valve instanceof ErrorReportValve) {
						parent.getPipeline().removeValve(valve);
					}
				}
				if (parent instanceof StandardHost host) {
					host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
				}
				parent.getPipeline().addValve(new ProblemErrorReportValve());
			});
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

	}

	/** {@code /actuator/info}: application, API (contract) and rule bundle versions. */
	@Bean
	InfoContributor versionsInfo(RulesetVersion ruleset) {
		Map<String, Object> versions = new LinkedHashMap<>();
		Package pkg = WebConfiguration.class.getPackage();
		versions.put("app", (pkg.getImplementationVersion() != null) ? pkg.getImplementationVersion() : "development");
		versions.put("api", apiVersion());
		versions.put("rules", ruleset.value());
		return (builder) -> builder.withDetail("versions", versions);
	}

	private static String apiVersion() {
		try (InputStream in = new ClassPathResource("static/openapi.yaml").getInputStream()) {
			JsonNode info = YAMLMapper.builder().build().readTree(in).path("info");
			return info.path("version").asString("unknown");
		}
		catch (IOException | RuntimeException ex) {
			return "unknown";
		}
	}

}
