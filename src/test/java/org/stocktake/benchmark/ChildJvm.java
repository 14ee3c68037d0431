package org.stocktake.benchmark;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A JVM the benchmark starts on its own class path, with the application's JVM settings (as the
 * Dockerfile runs it): for figures that must be the application's alone, or a second node.
 */
final class ChildJvm {

    /** Set by the pom for the JVMs tests start (surefire's argLine), never for `mvn -Pbenchmark`. */
    static final String TEST_JVM_OPTIONS = "stocktake.test-jvm-options";
    /** The application's own JVM settings (the pom's, as the README's run command and the Dockerfile use them), set for `mvn -Pbenchmark`. */
    static final String APP_JVM_OPTIONS = "stocktake.jvm.options";

    private ChildJvm() {
    }

    /** Starts {@code main} with these arguments in {@code directory}, its output the benchmark's. */
    static Process start(Class<?> main, List<String> arguments, Path directory) throws IOException {
        // surefire's class path ends with an empty entry, which Java reads as the working directory:
        // the project root, whose bpmn/ would then be deployed twice
        String classPath = Arrays.stream(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))
                .split(File.pathSeparator)).filter(entry -> !entry.isBlank()).collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        // a benchmark run measures the application's settings; the build's quick run uses those the pom gives every test JVM
        Arrays.stream(System.getProperty(APP_JVM_OPTIONS, System.getProperty(TEST_JVM_OPTIONS, "")).split("\\s+"))
                .filter(option -> !option.isBlank()).forEach(command::add);
        command.addAll(List.of("-cp", classPath, main.getName()));
        command.addAll(arguments);
        ProcessBuilder child = new ProcessBuilder(command).directory(directory.toFile()).inheritIO();
        // as docker/Dockerfile and `mvn spring-boot:run` set it
        child.environment().put("MALLOC_ARENA_MAX", "2");
        return child.start();
    }
}
