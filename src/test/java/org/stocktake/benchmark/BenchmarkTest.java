package org.stocktake.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.stocktake.support.OwnEngine;

/**
 * The benchmark's quick mode, as the build runs it: every scenario measured on both databases and
 * written out, with the open-task JVM's memory and, where pgbench is installed, PostgreSQL's commit
 * ceiling. It proves the harness works and that the storm sends no reminder twice; it asserts
 * no timing (the figures come from a full run on a quiet machine, in BENCHMARKS.md). It runs
 * alone: beside CrashDurabilityIT, that test's restarted node once sent no reminder for four
 * minutes (docs/testing.md).
 */
@OwnEngine
class BenchmarkTest {

    static final Scenarios.Size QUICK = Scenarios.Size.of("quick");
    static final List<String> SCENARIOS = Stream.concat(Stream.of(Scenarios.STARTS, Scenarios.COMPLETIONS,
            "reminder storm", Scenarios.PUBLIC_SUMMARY, "import Harris (127 rows)", "import " + QUICK.importRows() + " rows"),
            QUICK.openTasks().stream().map(open -> "task query at " + open + " open tasks")).toList();

    @Test
    void theQuickModeMeasuresEveryScenarioOnBothDatabasesAndWritesTheReport() throws Exception {
        Path work = Path.of("target", "benchmark-test");
        BenchmarkReport report = Benchmark.run(QUICK, work);
        report.write(work);

        assertThat(report.measurements()).filteredOn(m -> m.database().equals("H2")).extracting(Measurement::scenario)
                .containsExactlyElementsOf(SCENARIOS);
        assertThat(report.measurements()).filteredOn(m -> m.database().equals("PostgreSQL")).extracting(Measurement::scenario)
                .containsExactlyInAnyOrderElementsOf(Stream.concat(SCENARIOS.stream(), Stream.of(TimerStorm.SCENARIO)).toList());
        assertThat(report.measurements()).allSatisfy(m -> {
            assertThat(m.count()).isPositive();
            assertThat(m.oursTime()).isPositive();
            assertThat(m.baselineTime()).isPositive();
        });
        assertThat(report.measurements()).filteredOn(m -> m.scenario().equals("reminder storm"))
                .allSatisfy(storm -> assertThat(storm.note()).isEqualTo("reminders " + storm.count() + ", duplicates 0"));
        assertThat(report.measurements()).filteredOn(m -> m.scenario().equals(TimerStorm.SCENARIO)).singleElement()
                .satisfies(storm -> assertThat(storm.note()).startsWith("reminders " + 2 * QUICK.stormTimers() + ", duplicates 0;"));
        assertThat(report.tenYear()).extracting(TenYearRegister.Read::name)
                .containsExactly("publicSummary", "dashboard", "boardPack", "timeline", "register", "apiList");
        assertThat(report.measurements()).filteredOn(m -> !m.scenario().equals("public summary"))
                .allSatisfy(m -> assertThat(m.statementsPerOperation()).as("statements counted for " + m.scenario()).isPositive());
        assertThat(report.measurements()).filteredOn(m -> m.scenario().startsWith("task query"))
                .allSatisfy(query -> assertThat(query.note()).startsWith("p95 on "));
        assertThat(report.memory()).extracting(MemoryUse::database, MemoryUse::openTasks).containsExactlyElementsOf(
                Stream.of("H2", "PostgreSQL").flatMap(database -> QUICK.openTasks().stream().map(open -> tuple(database, open))).toList());
        assertThat(report.memory()).allSatisfy(memory -> {
            assertThat(memory.residentMiB()).isPositive().isLessThanOrEqualTo(memory.peakResidentMiB());
            assertThat(memory.liveHeapMiB()).isPositive().isLessThan(memory.residentMiB());
        });
        if (CommitCeiling.installedPgbench().isPresent()) {
            assertThat(report.ceiling().transactionsPerSecond()).isPositive();
            assertThat(report.ceiling().synchronousCommit()).isEqualTo("on");
        } else {
            assertThat(report.ceiling()).isNull();
        }
        assertThat(Files.readString(work.resolve(BenchmarkReport.MARKDOWN))).contains(SCENARIOS).contains("PostgreSQL", "cores",
                "## Memory", "## Ten years of a national register", "## PostgreSQL's commit ceiling");
        assertThat(Files.readString(work.resolve(BenchmarkReport.JSON))).contains("\"ratio\"", "\"machine\"", "\"figures\"");
        assertThat(report.figures().get("H2")).containsOnlyKeys("registration.ratio", "registration.statements", "h2File30Mb",
                "update.ratio", "update.statements", "publicSummary.ratio", "taskQuery200.ratio", "taskQuery200.p95Ms", "rss200Mb");
        assertThat(report.figures().get("PostgreSQL")).containsOnlyKeys("registration.ratio", "registration.statements", "update.ratio",
                "update.statements", "publicSummary.ratio", "twoNodeSpeedup", "taskQuery200.ratio", "taskQuery200.p95Ms", "rss200Mb",
                "tenYear.p95Ms.publicSummary", "tenYear.p95Ms.dashboard", "tenYear.p95Ms.boardPack", "tenYear.p95Ms.timeline",
                "tenYear.p95Ms.register", "tenYear.p95Ms.apiList");
        assertThat(report.figures().values()).allSatisfy(named -> assertThat(named.values()).allSatisfy(figure -> assertThat(figure).isPositive()));
    }
}
