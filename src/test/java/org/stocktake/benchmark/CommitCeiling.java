package org.stocktake.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PostgreSQL's own rate of small committed transactions on this machine: pgbench's built-in
 * simple-update script (one update, one select and one insert a transaction) from one client,
 * against the benchmark's server. A step that commits once cannot beat it. Measured only where
 * pgbench is installed (Debian's postgresql-client has it); the build does not need it.
 */
record CommitCeiling(String pgbench, double transactionsPerSecond, String synchronousCommit, Duration length) {

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final String DATABASE = "pgbench";

    static Optional<CommitCeiling> measure(EmbeddedPostgres postgres, Duration length) throws IOException {
        Optional<Path> pgbench = installedPgbench();
        if (pgbench.isEmpty()) {
            return Optional.empty();
        }
        DataSource server = postgres.getPostgresDatabase();
        JdbcClient.create(server).sql("create database " + DATABASE).update();
        String synchronousCommit = JdbcClient.create(server).sql("show synchronous_commit").query(String.class).single();
        List<String> connection = List.of("-h", "localhost", "-p", String.valueOf(postgres.getPort()), "-U", "postgres");
        run(pgbench.get(), connection, "-i", "-q", "-s", "1", DATABASE);
        String output = run(pgbench.get(), connection, "-b", "simple-update", "-c", "1", "-j", "1",
                "-T", String.valueOf(length.toSeconds()), DATABASE);
        Matcher tps = TPS.matcher(output);
        if (!tps.find()) {
            throw new IllegalStateException("pgbench printed no rate:\n" + output);
        }
        return Optional.of(new CommitCeiling(pgbench.get().toString(), Double.parseDouble(tps.group(1)), synchronousCommit, length));
    }

    /** pgbench on the PATH, or in Debian's PostgreSQL directories. */
    static Optional<Path> installedPgbench() throws IOException {
        List<Path> candidates = new ArrayList<>();
        for (String directory : System.getenv().getOrDefault("PATH", "").split(":")) {
            candidates.add(Path.of(directory, "pgbench"));
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                versions.sorted().forEach(version -> candidates.add(version.resolve("bin/pgbench")));
            }
        }
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    private static String run(Path pgbench, List<String> connection, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(pgbench.toString()));
        command.addAll(connection);
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return output;
    }
}
