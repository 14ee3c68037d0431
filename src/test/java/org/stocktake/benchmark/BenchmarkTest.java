package org.stocktake.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.stocktake.support.OwnEngine;

/**
 * The benchmark's quick mode, as the build runs it: every scenario measured on both databases and
 * written out. It proves the harness works and that the storm sends no reminder twice; it asserts
 * no timing (the figures come from a full run on a quiet machine, in BENCHMARKS.md).
 */
@OwnEngine
class BenchmarkTest {

    static final List<String> SCENARIOS = List.of("start to the first user task", "complete a progress update", "reminder storm",
            "public summary", "import Harris (127 rows)", "import 1000 rows");

    @Test
    void theQuickModeMeasuresEveryScenarioOnBothDatabasesAndWritesTheReport() throws Exception {
        Path work = Path.of("target", "benchmark-test");
        BenchmarkReport report = Benchmark.run(Scenarios.Size.of("quick"), work);
        report.write(work);

        for (String database : List.of("H2", "PostgreSQL")) {
            assertThat(report.measurements()).filteredOn(m -> m.database().equals(database)).extracting(Measurement::scenario)
                    .containsExactlyElementsOf(SCENARIOS);
        }
        assertThat(report.measurements()).allSatisfy(m -> {
            assertThat(m.count()).isPositive();
            assertThat(m.oursTime()).isPositive();
            assertThat(m.baselineTime()).isPositive();
        });
        assertThat(report.measurements()).filteredOn(m -> m.scenario().equals("reminder storm"))
                .allSatisfy(storm -> assertThat(storm.note()).isEqualTo("reminders " + storm.count() + ", duplicates 0"));
        assertThat(report.measurements()).filteredOn(m -> !m.scenario().equals("public summary"))
                .allSatisfy(m -> assertThat(m.statementsPerOperation()).as("statements counted for " + m.scenario()).isPositive());
        assertThat(Files.readString(work.resolve(BenchmarkReport.MARKDOWN))).contains(SCENARIOS).contains("PostgreSQL", "cores");
        assertThat(Files.readString(work.resolve(BenchmarkReport.JSON))).contains("\"ratio\"", "\"machine\"");
    }
}
