package org.stocktake.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The application's memory with so many tasks open: the process's resident set after a full
 * collection, its peak resident set so far (Linux's VmRSS and VmHWM) and the live heap.
 */
record MemoryUse(String database, int openTasks, long residentMiB, long peakResidentMiB, long liveHeapMiB) {

    /** This JVM's figures now; a full collection first, so the resident set holds what is live. */
    static MemoryUse measure(String database, int openTasks) {
        System.gc();
        long liveHeap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return new MemoryUse(database, openTasks, statusKiB("VmRSS:") >> 10, statusKiB("VmHWM:") >> 10, liveHeap >> 20);
    }

    private static long statusKiB(String field) {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(line -> line.startsWith(field))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", ""))).findFirst()
                    .orElseThrow(() -> new IllegalStateException("/proc/self/status has no " + field));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
