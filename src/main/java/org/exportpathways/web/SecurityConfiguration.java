package org.exportpathways.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.exportpathways.records.RecordsProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /admin/**} needs HTTP Basic credentials of a user with role {@code ADMIN};
 * decision reads need a {@code READER} or {@code ADMIN} when
 * {@code exportpathways.records.secure-reads=true}; everything else stays open. A refusal
 * is problem+json: 401 without (valid) credentials, 403 when the user lacks the role.
 * Health details show only to a user with role {@code ACTUATOR}. Users are
 * {@code exportpathways.security.users.<name>.password} and {@code .roles}; none by
 * default (the {@code dev} profile has an administrator).
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, RecordsProperties records, JsonMapper json)
			throws Exception {
		// security headers are set by SecurityHeadersFilter on every response, errors
		// included
		http.csrf((c) -> c.disable())
			.headers((h) -> h.disable())
			.sessionManagement((s) -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((c) -> c.disable())
			.authorizeHttpRequests((a) -> {
				a.requestMatchers("/admin/**").hasRole("ADMIN");
				if (records.secured()) {
					a.requestMatchers("/v1/decisions", "/v1/decisions/**").hasAnyRole("ADMIN", "READER");
				}
				a.anyRequest().permitAll();
			})
			.httpBasic((b) -> b.realmName("export-pathways")
				.authenticationEntryPoint((req, res, ex) -> problem(json, res, HttpStatus.UNAUTHORIZED,
						"Credentials are required (HTTP Basic).")))
			.exceptionHandling((e) -> e
				.authenticationEntryPoint((req, res, ex) -> problem(json, res, HttpStatus.UNAUTHORIZED,
						"Credentials are required (HTTP Basic)."))
				.accessDeniedHandler((req, res, ex) -> problem(json, res, HttpStatus.FORBIDDEN,
						"These credentials do not allow this operation.")));
		return http.build();
	}

	static void problem(JsonMapper json, HttpServletResponse res, HttpStatus status, String detail) throws IOException {
		res.setStatus(status.value());
		if (status == HttpStatus.UNAUTHORIZED) {
			res.setHeader("WWW-Authenticate", "Basic realm=\"export-pathways\"");
		}
		res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		res.getWriter()
			.write(json.writeValueAsString(Map.of("type", "about:blank", "title", status.getReasonPhrase(), "status",
					status.value(), "detail", detail)));
	}

	@Bean
	UserDetailsService userDetailsService(SecurityUsers users) {
		List<UserDetails> details = new ArrayList<>();
		users.all().forEach((name, u) -> {
			if (u.password() == null || u.password().isBlank()) {
				throw new IllegalStateException("exportpathways.security.users." + name + ".password is empty");
			}
			String pw = u.password().startsWith("{") ? u.password() : "{noop}" + u.password();
			details.add(User.withUsername(name)
				.password(pw)
				.roles(((u.roles() != null) ? u.roles() : List.<String>of()).toArray(String[]::new))
				.build());
		});
		return new InMemoryUserDetailsManager(details);
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

}
