package org.exportpathways.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The smallest security that lets health show its details to an authenticated caller only
 * ({@code management.endpoint.health.show-details=when-authorized}, role
 * {@code ACTUATOR}; the user is {@code spring.security.user.*}): every path stays open to
 * anyone, HTTP Basic credentials are read when sent, nothing is stored in a session, no
 * CSRF token (the API has no cookies to ride on). The security headers are set by
 * {@link SecurityHeadersFilter} on every response, errors included.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain openApiWithAuthenticatedHealthDetails(HttpSecurity http) throws Exception {
		return http.authorizeHttpRequests((a) -> a.anyRequest().permitAll())
			.httpBasic(Customizer.withDefaults())
			.csrf((c) -> c.disable())
			.headers((h) -> h.disable())
			.requestCache((c) -> c.disable())
			.sessionManagement((s) -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.build();
	}

}
