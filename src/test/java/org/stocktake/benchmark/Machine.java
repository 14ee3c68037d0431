package org.stocktake.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;

/** What the figures were measured on: cores, memory, JDK and operating system. */
record Machine(int cores, long memoryMiB, String cpu, String jdk, String os) {

    static Machine describe() {
        return new Machine(Runtime.getRuntime().availableProcessors(), totalMemoryMiB(), cpuModel(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
    }

    String summary() {
        return cores + " cores (" + cpu + "), " + memoryMiB + " MiB memory, " + jdk + ", " + os;
    }

    /** The machine's CPU time so far, busy and in all, in clock ticks (/proc/stat), or empty where there is none. */
    record CpuTime(long busy, long total) {

        /** The share of the machine's CPU time busy since {@code before}. */
        double busySince(CpuTime before) {
            return total == before.total ? 0 : (double) (busy - before.busy) / (total - before.total);
        }
    }

    static Optional<CpuTime> cpuTime() {
        return procLine(Path.of("/proc/stat"), "cpu ").map(line -> {
            long[] ticks = Arrays.stream(line.substring(4).trim().split("\\s+")).mapToLong(Long::parseLong).toArray();
            // user nice system idle iowait irq softirq steal: idle and iowait are the time not busy
            long total = Arrays.stream(ticks).limit(8).sum();
            return new CpuTime(total - ticks[3] - ticks[4], total);
        });
    }

    private static long totalMemoryMiB() {
        return procLine(Path.of("/proc/meminfo"), "MemTotal:")
                .map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024).orElse(-1L);
    }

    private static String cpuModel() {
        return procLine(Path.of("/proc/cpuinfo"), "model name").map(line -> line.substring(line.indexOf(':') + 1).trim())
                .orElse(System.getProperty("os.arch"));
    }

    private static Optional<String> procLine(Path file, String prefix) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(line -> line.startsWith(prefix)).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
