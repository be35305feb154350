package org.exportpathways;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The structure every capability builds on: package slices free of cycles; the domain
 * free of frameworks; the bundle and the kernel know no regime; regimes know no web
 * layer.
 */
class ArchitectureTests {

	static final JavaClasses MAIN = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.exportpathways");

	static final String[] REGIMES = { "org.exportpathways.notification..", "org.exportpathways.screening..",
			"org.exportpathways.qualification.." };

	@Test
	void packageSlicesAreFreeOfCycles() {
		slices().matching("org.exportpathways.(*)..").should().beFreeOfCycles().check(MAIN);
	}

	@Test
	void theDomainDependsOnNoFrameworkAndNoOtherPackage() {
		noClasses().that()
			.resideInAPackage("org.exportpathways.domain..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "org.kie..", "org.drools..", "tools.jackson..",
					"com.fasterxml..", "org.exportpathways.api..", "jakarta..", "org.exportpathways.bundle..",
					"org.exportpathways.kernel..", "org.exportpathways.web..")
			.check(MAIN);
	}

	@Test
	void theBundleAndTheKernelKnowNoRegimeAndNoWebLayer() {
		noClasses().that()
			.resideInAnyPackage("org.exportpathways.bundle..", "org.exportpathways.kernel..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(concat(REGIMES, "org.exportpathways.web..", "org.exportpathways.api.."))
			.check(MAIN);
	}

	@Test
	void theBundleKnowsNoRuleEngine() {
		noClasses().that()
			.resideInAPackage("org.exportpathways.bundle..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.exportpathways.kernel..", "org.kie..", "org.drools..")
			.check(MAIN);
	}

	@Test
	void regimesDoNotDependOnTheWebLayerOrSpring() {
		noClasses().that()
			.resideInAnyPackage(REGIMES)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.exportpathways.web..", "org.exportpathways.api..", "org.springframework..")
			.check(MAIN);
	}

	private static String[] concat(String[] a, String... b) {
		String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, out, a.length, b.length);
		return out;
	}

}
