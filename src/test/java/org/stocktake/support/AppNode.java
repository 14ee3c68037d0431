package org.stocktake.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.awaitility.core.ConditionTimeoutException;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;

/**
 * The packaged application (the jar {@code mvn package} builds) running as a process of its own,
 * as it runs in production: configured only by environment variables, and killed with SIGKILL
 * (Java's {@code destroyForcibly} on Linux). It runs in a directory of its own, where the default
 * H2 file goes (under {@code ./data}) and its output goes to a log file.
 */
public final class AppNode implements AutoCloseable {

    /** The jar under test; the pom's failsafe configuration passes its path. */
    static final String JAR_PROPERTY = "stocktake.jar";

    private final String name;
    private final int port;
    private final Map<String, String> environment;
    private final Path directory;
    private final Path log;
    private Process process;

    private AppNode(String name, int port, Map<String, String> environment, Path directory) {
        this.name = name;
        this.port = port;
        this.environment = environment;
        this.directory = directory;
        this.log = directory.resolve(name + ".log");
    }

    /** A node on a free port with the given environment (SERVER_PORT is added), run in {@code directory}. */
    public static AppNode of(String name, Map<String, String> environment, Path directory) {
        int port = freePort();
        Map<String, String> withPort = new LinkedHashMap<>(environment);
        withPort.put("SERVER_PORT", Integer.toString(port));
        return new AppNode(name, port, withPort, directory.toAbsolutePath());
    }

    public String name() {
        return name;
    }

    /** Starts the jar and waits until it answers HTTP, failing with the log's end if it dies first. */
    public AppNode start(Duration patience) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-XX:TieredStopAtLevel=1", "-jar", jar()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(directory);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitAnswering(patience);
        return this;
    }

    /** What a command of the jar ({@code java -jar stocktake.jar backup FILE}) exited with and printed. */
    public record CommandResult(int exitCode, String output) {
    }

    /** Runs the jar as a command, in {@code directory} with the environment given, and waits for it. */
    public static CommandResult command(Path directory, Map<String, String> environment, String... arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(directory);
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", arguments) + " did not end: " + output);
            }
            return new CommandResult(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGKILL: no shutdown hook, no transaction finished, no lock released. */
    public void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    public long pid() {
        return process.pid();
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public TestRestTemplate http() {
        return new TestRestTemplate(new RestTemplateBuilder().rootUri(baseUrl()));
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            kill();
        }
    }

    private void awaitAnswering(Duration patience) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest engine = HttpRequest.newBuilder(URI.create(baseUrl() + "/engine-rest/engine")).timeout(Duration.ofSeconds(5)).build();
        try {
            // the list of engines, which the engine's REST API gives without credentials; refused or cut off while starting
            await(name + " to answer").atMost(patience).pollInterval(Duration.ofMillis(250)).ignoreExceptionsInstanceOf(IOException.class)
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException(name + " exited with " + process.exitValue() + " while starting; its log ends:\n"
                                    + logTail());
                        }
                        return client.send(engine, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                    });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException(name + " did not answer within " + patience + "; its log ends:\n" + logTail(), e);
        }
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " did not exit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static String jar() {
        String jar = System.getProperty(JAR_PROPERTY) == null ? null : Path.of(System.getProperty(JAR_PROPERTY)).toAbsolutePath().toString();
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("No application jar at " + jar + ": run through `mvn verify`, which builds it first");
        }
        return jar;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
