package org.exportpathways.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * The command line logs warnings only (Spring Boot's logging set-up is not run there).
 */
final class Logs {

	private Logs() {
	}

	static void quiet() {
		if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
			root.setLevel(Level.ERROR);
		}
	}

}
