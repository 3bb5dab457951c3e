package io.outboundcalls.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Waits until the machine is quiet: after a warm-up, the service still compiles the code the
 * warm-up made hot (on two cores the JIT's backlog lasts tens of seconds) and PostgreSQL vacuums
 * the tables it grew. A measured run started then would be timing that background work.
 * Reads Linux's {@code /proc/stat}; elsewhere it does not wait.
 */
final class Quiet {

    private static final Path STAT = Path.of("/proc/stat");

    private Quiet() {
    }

    /**
     * @return how long it waited, in seconds: until less than {@code busyShare} of all cores was
     * busy over one second, or {@code max} passed
     */
    static double await(double busyShare, Duration max) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + max.toNanos();
        long[] before = sample();
        while (before != null && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            long[] after = sample();
            if (after == null || busy(before, after) < busyShare) {
                break;
            }
            before = after;
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** The share of CPU time spent busy between two samples of {@code /proc/stat}'s first line. */
    static double busy(long[] before, long[] after) {
        long total = after[0] - before[0];
        long idle = after[1] - before[1];
        return total <= 0 ? 0 : 1.0 - (double) idle / total;
    }

    /** {@code {total, idle + iowait}} jiffies, or null where there is no {@code /proc/stat}. */
    static long[] sample() {
        try {
            return parse(Files.readAllLines(STAT).get(0));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static long[] parse(String cpuLine) {
        String[] fields = cpuLine.trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < fields.length; i++) {
            total += Long.parseLong(fields[i]);
        }
        return new long[]{total, Long.parseLong(fields[4]) + Long.parseLong(fields[5])};
    }
}
