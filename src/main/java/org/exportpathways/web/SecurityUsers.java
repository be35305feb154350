package org.exportpathways.web;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may call {@code /admin/**} (role {@code ADMIN}) and, when
 * {@code exportpathways.records.secure-reads} is set, read the records (role
 * {@code READER} or {@code ADMIN}): {@code exportpathways.security.users.<name>.password}
 * (a Spring Security encoded password, e.g. {@code {bcrypt}...}; without an
 * <code>{id}</code> prefix it is taken as plain text) and {@code .roles}. No user is
 * defined by default: outside the {@code dev} profile the admin API refuses everyone
 * until one is configured.
 */
@ConfigurationProperties("exportpathways.security")
public record SecurityUsers(Map<String, User> users) {

	public record User(String password, List<String> roles) {
	}

	public Map<String, User> all() {
		return (users != null) ? users : Map.of();
	}

}
