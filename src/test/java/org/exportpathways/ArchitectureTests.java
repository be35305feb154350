package org.exportpathways;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Keeps the domain free of framework and generated-DTO imports. */
class ArchitectureTests {

	@Test
	void theDomainDependsOnNoFramework() {
		ArchRule rule = noClasses().that()
			.resideInAPackage("org.exportpathways.domain..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "org.kie..", "org.drools..", "tools.jackson..",
					"com.fasterxml..", "org.exportpathways.api..", "jakarta..");
		rule.check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("org.exportpathways"));
	}

	@Test
	void rulesAndServicesDoNotDependOnTheWebLayer() {
		noClasses().that()
			.resideInAnyPackage("org.exportpathways.engine..", "org.exportpathways.reference..",
					"org.exportpathways.notification..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.exportpathways.web..", "org.exportpathways.api..")
			.check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
				.importPackages("org.exportpathways"));
	}

}
