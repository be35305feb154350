package org.exportpathways.console;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.HasAuthentication;
import org.openqa.selenium.UsernameAndPassword;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code exportpathways.records.secure-reads=true} the console does not weaken the
 * API's protection. The decision history's calls meet the API's HTTP Basic challenge,
 * which the browser answers with its own sign-in prompt: cancelled, the page says what it
 * needs; answered with a reader's credentials, the history works, and those credentials
 * still do not open the admin API. The journeys' decisions need none.
 */
@TestPropertySource(properties = "exportpathways.records.secure-reads=true")
class SecuredRecordsConsoleTests extends ConsoleBrowser {

	@Test
	void theHistoryAsksForCredentialsAndWorksWithAReadersButTheAdminApiStaysClosed() {
		HasAuthentication browser = driver;
		// the sign-in prompt cancelled
		browser.register((uri) -> false, UsernameAndPassword.of("nobody", "nothing"));
		open("/decisions.html");
		String problem = waitFor(By.cssSelector("#error .problem")).getText();
		assertThat(problem).contains("401").contains("role READER or ADMIN");

		// ... answered with a reader's credentials
		browser.register(UsernameAndPassword.of("reader", "test-reader-secret"));
		open("/decisions.html");
		waitUntil((d) -> find("#status").getText().contains("shown"));
		assertThat(findAll("#error .problem")).isEmpty();
		Object admin = driver.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				fetch('/admin/bundles').then((r) => done(r.status));""");
		assertThat(admin).as("the reader's credentials on the admin API").isEqualTo(403L);

		// the journeys' own calls need no credentials
		open("/country.html?code=DE");
		waitUntil((d) -> find("#profile-h").getText().startsWith("Germany (DE)"));
	}

}
