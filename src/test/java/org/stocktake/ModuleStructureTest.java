package org.stocktake;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The package-by-feature modules stay apart: no cycles, and the engine only where docs/design.md allows it. */
class ModuleStructureTest {

    static final JavaClasses MAIN = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.stocktake");

    @Test
    void modulesHaveNoCyclesAndUseOnlyEachOthersPublicTypes() {
        ApplicationModules.of(StocktakeApplication.class).verify();
    }

    @Test
    void onlyTheLifecycleAndSecurityModulesTouchTheEngine() {
        noClasses().that().resideOutsideOfPackages("org.stocktake.lifecycle..", "org.stocktake.security..")
                .should().dependOnClassesThat().resideInAPackage("org.camunda..")
                .because("the engine stays behind lifecycle (processes) and security (its users, groups and REST filter)")
                .check(MAIN);
    }

    @Test
    void theRegisterNeverCallsTheLifecycle() {
        noClasses().that().resideInAPackage("org.stocktake.review..")
                .should().dependOnClassesThat().resideInAnyPackage("org.stocktake.lifecycle..", "org.stocktake.oversight..",
                        "org.stocktake.notify..", "org.stocktake.report..")
                .because("registering publishes an event; the lifecycle starts the process from it")
                .check(MAIN);
    }
}
