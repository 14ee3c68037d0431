package org.stocktake;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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

    /** Each of Stocktake's tables and the one module whose SQL may name it; the others ask that module. */
    static final Map<String, String> TABLE_OWNERS = Map.ofEntries(
            Map.entry("review", "review"), Map.entry("recommendation", "review"), Map.entry("recommendation_addressee", "review"),
            Map.entry("addressee_response", "review"), Map.entry("progress_update", "review"), Map.entry("review_publication", "review"),
            Map.entry("target_date_revision", "review"), Map.entry("step_time", "review"), Map.entry("response_link", "respond"),
            Map.entry("evidence_file", "evidence"), Map.entry("evidence_sign_off", "evidence"),
            Map.entry("import_job", "imports"),
            Map.entry("decision", "oversight"), Map.entry("escalation", "oversight"),
            Map.entry("reminder", "notify"), Map.entry("outbox_message", "notify"),
            Map.entry("board_pack", "report"), Map.entry("identity_generation", "security"));

    @Test
    void eachModulesSqlNamesOnlyItsOwnTables() throws IOException {
        Path main = Path.of("src", "main", "java", "org", "stocktake");
        Pattern tableNamed = Pattern.compile("(?i)\\b(?:from|join|into|update)\\s+([a-z_]+)");
        List<String> trespasses = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(main)) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                String module = main.relativize(source).getName(0).toString();
                Matcher named = tableNamed.matcher(Files.readString(source));
                while (named.find()) {
                    String owner = TABLE_OWNERS.get(named.group(1).toLowerCase(Locale.ROOT));
                    if (owner != null && !owner.equals(module)) {
                        trespasses.add(main.relativize(source) + " names " + named.group(1) + ", which is " + owner + "'s");
                    }
                }
            }
        }
        assertThat(TABLE_OWNERS.keySet()).as("every table in the migrations has an owner").containsExactlyInAnyOrderElementsOf(migratedTables());
        assertThat(trespasses).isEmpty();
    }

    private static List<String> migratedTables() throws IOException {
        Pattern created = Pattern.compile("(?i)create table (?:if not exists )?([a-z_]+)");
        List<String> tables = new ArrayList<>();
        try (Stream<Path> migrations = Files.list(Path.of("src", "main", "resources", "db", "migration"))) {
            for (Path migration : migrations.toList()) {
                Matcher table = created.matcher(Files.readString(migration));
                while (table.find()) {
                    tables.add(table.group(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        return tables;
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
