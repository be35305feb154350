package org.exportpathways.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * Start-up over a jobs folder left by earlier runs: a job accepted but not finished by a
 * process that is gone runs again to the end; an unreadable {@code job.json} does not
 * stop the service (the folder is left as it is).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JobRecoveryIntegrationTests {

	static final Path DATA = temp();

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) throws IOException {
		Path jobs = Files.createDirectories(DATA.resolve("jobs"));
		Path queued = Files.createDirectories(jobs.resolve("left-queued"));
		Files.writeString(queued.resolve("sales.csv"),
				"id,channel,recipient,asOf,majorDefenseEquipmentValue,totalValue,designAndConstructionValue,"
						+ "firearmsValue,usmlCategories,significantMilitaryEquipment,newSalesTerritory,emergency\n"
						+ "a,FMS,IN,2025-06-02,20000000,40000000,0,,,,NONE,\n");
		// written by a process that is gone (and by a version that also wrote "pid")
		Files.writeString(queued.resolve("job.json"), """
				{"spec":{"jobId":"left-queued","createdAt":"2026-11-29T10:00:00Z","asOf":"2025-06-02","total":1,
				"scenarios":"[{\\"name\\":\\"law\\",\\"kind\\":\\"STATUTORY\\"}]","analysis":null,"inputSha256":"x"},
				"state":"RUNNING","processed":0,"pid":1,"owner":"999999999@2020-01-01T00:00:00Z"}""");
		Path broken = Files.createDirectories(jobs.resolve("broken"));
		Files.writeString(broken.resolve("job.json"), "{\"spec\": 12");
		registry.add("exportpathways.data-dir", DATA::toString);
	}

	static Path temp() {
		try {
			return Files.createTempDirectory("job-recovery-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@LocalServerPort
	int port;

	@BeforeEach
	void setUp() {
		RestAssured.port = port;
	}

	@Test
	void aJobLeftUnfinishedRunsAgainAndABrokenOneDoesNotStopTheService() throws Exception {
		String state = "";
		for (int i = 0; i < 600 && !state.equals("DONE"); i++) {
			state = given().get("/v1/notifications/simulations/jobs/left-queued")
				.then()
				.statusCode(200)
				.extract()
				.path("state");
			Thread.sleep(100);
		}
		given().get("/v1/notifications/simulations/jobs/left-queued")
			.then()
			.body("state", equalTo("DONE"))
			.body("totals.scenarios[0].counts.REQUIRED", equalTo(1));
		given().get("/v1/notifications/simulations/jobs/broken").then().statusCode(404);
		org.assertj.core.api.Assertions.assertThat(DATA.resolve("jobs/broken/job.json")).exists();
	}

}
