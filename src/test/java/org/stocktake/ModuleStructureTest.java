package org.stocktake;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The package-by-feature modules stay apart: no cycles, each uses only the modules its
 * {@code package-info.java} names, the engine only where docs/design.md allows it, and the module
 * diagram in docs/ is the code's.
 */
class ModuleStructureTest {

    static final JavaClasses MAIN = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.stocktake");

    static final ApplicationModules MODULES = ApplicationModules.of(StocktakeApplication.class);

    @Test
    void modulesHaveNoCyclesAndUseOnlyWhatTheirPackageInfoAllows() {
        MODULES.verify();
    }

    @Test
    void theModuleDiagramInDocsIsTheCodes() throws IOException {
        Path written = Path.of("target", "modulith-docs", "components.puml");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(written.getParent().toString()))
                .writeModulesAsPlantUml();
        Path kept = Path.of("docs", "modules.puml");
        // the Documenter lists modules and their relations in no fixed order
        assertThat(Files.exists(kept) ? Files.readAllLines(kept) : List.<String>of())
                .as("docs/modules.puml shows the modules as the code has them: copy %s over it", written)
                .containsExactlyInAnyOrderElementsOf(Files.readAllLines(written));
    }

    @Test
    void onlyTheEngineLifecyclePolicyAndSecurityModulesTouchTheEngine() {
        noClasses().that().resideOutsideOfPackages("org.stocktake.engine..", "org.stocktake.lifecycle..", "org.stocktake.policy..",
                        "org.stocktake.security..")
                .should().dependOnClassesThat().resideInAPackage("org.camunda..")
                .because("the engine stays behind engine (its set-up and fences), lifecycle (the model's code), policy "
                        + "(the DMN tables) and security (people and their groups, through the identity service)")
                .check(MAIN);
    }

    @Test
    void onlyTheEngineModuleReachesIntoTheEnginesImplementation() {
        noClasses().that().resideOutsideOfPackage("org.stocktake.engine..")
                .should().dependOnClassesThat(resideInAPackage("org.camunda.bpm.engine.impl..")
                        .and(not(equivalentTo(Authentication.class))))
                .because("the engine's impl packages change without notice between releases, so an upgrade looks in engine "
                        + "alone; Authentication is what the public IdentityService answers with")
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
