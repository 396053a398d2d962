package org.lesionsearch.server.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Memory and CPU time of this process: resident set from {@code /proc/self/status}, Java heap after a collection. */
final class MemoryFigures {

    private MemoryFigures() {
    }

    /** VmRSS in bytes, or -1 where {@code /proc} is not available. */
    static long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** CPU time of the whole process so far, or 0 where the JVM cannot tell. */
    static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? Math.max(0, os.getProcessCpuTime()) : 0;
    }

    static long heapUsedAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
