package org.exportpathways;

import org.exportpathways.cli.SimulateCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class Application {

	/**
	 * Starts the service; {@code simulate ...} runs the batch simulation on the command
	 * line instead, without the web server.
	 */
	public static void main(String[] args) {
		if (args.length > 0 && args[0].equals("simulate")) {
			System.exit(SimulateCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length)));
		}
		SpringApplication.run(Application.class, args);
	}

}
