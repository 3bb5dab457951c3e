package io.outboundcalls.benchmarks;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A closed-loop load: {@code clients} platform threads, each with its own session (a kept-alive
 * HTTP connection or a JDBC connection), send an operation, wait for its answer, and send the
 * next. Only operations that succeed count; others are reported as errors. A warm-up phase runs
 * first and is not measured; then the clients pause until the machine is quiet ({@link Quiet}: on two
 * cores the service's JIT compiles what the warm-up made hot for minutes, on the cores the measured
 * phase would use), and the measured phase starts. The harness's own CPU use over the measured
 * phase is recorded, so the table shows whether the load generator, rather than the system
 * measured, set the pace.
 */
final class Load {

    /** One client's connection; {@link #call} answers null on success, else what went wrong. */
    interface Session extends AutoCloseable {
        String call(int n) throws Exception;

        @Override
        void close() throws Exception;
    }

    interface Sessions {
        Session open() throws Exception;
    }

    /** The longest pause between the warm-up and the measured phase. */
    private static final Duration QUIET_MAX = Duration.ofSeconds(90);

    record Result(long ok, long errors, double seconds, long p50Micros, long p99Micros, String firstError,
                  double clientCpuShare, double quietAfterSeconds) {
        double perSecond() {
            return ok / seconds;
        }
    }

    private Load() {
    }

    /** HTTP requests over {@link Wire}: {@code requests} gives the bytes of the n-th one (n counts across the run). */
    static Result http(String baseUrl, int clients, Sizes sizes, int expectedStatus, java.util.function.IntFunction<byte[]> requests)
            throws Exception {
        return run(clients, sizes, () -> {
            Wire wire = new Wire(baseUrl);
            return new Session() {
                @Override
                public String call(int n) throws Exception {
                    Wire.Answer answer = wire.send(requests.apply(n), expectedStatus);
                    return answer.status() == expectedStatus ? null : answer.status() + " " + abbreviate(answer.body());
                }

                @Override
                public void close() {
                    wire.close();
                }
            };
        });
    }

    /** A run of {@code sizes}' warm-up and measured phase, with a quiet machine between them (none for a smoke run). */
    static Result run(int clients, Sizes sizes, Sessions sessions) throws Exception {
        return run(clients, sizes.warmup(), sizes.smoke() ? Duration.ZERO : QUIET_MAX, sizes.measure(), sessions);
    }

    static Result run(int clients, Duration warmup, Duration quietMax, Duration measure, Sessions sessions)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicBoolean paused = new AtomicBoolean(false);
        AtomicInteger pausedClients = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean(false);
        AtomicInteger sequence = new AtomicInteger();
        List<Future<long[]>> futures = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                long[] latencies = new long[1 << 16];
                int count = 0;
                try (Session session = sessions.open()) {
                    while (!stop.get()) {
                        if (paused.get()) {
                            pausedClients.incrementAndGet();
                            while (paused.get() && !stop.get()) {
                                Thread.sleep(5);
                            }
                            pausedClients.decrementAndGet();
                            continue;
                        }
                        int n = sequence.getAndIncrement();
                        long start = System.nanoTime();
                        String error;
                        try {
                            error = session.call(n);
                        } catch (Exception e) {
                            error = e.toString();
                        }
                        long micros = (System.nanoTime() - start) / 1000;
                        if (!measuring.get()) {
                            continue;
                        }
                        if (error == null) {
                            if (count == latencies.length) {
                                latencies = Arrays.copyOf(latencies, count * 2);
                            }
                            latencies[count++] = micros;
                        } else {
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, error);
                        }
                    }
                }
                return Arrays.copyOf(latencies, count);
            }));
        }
        Thread.sleep(warmup.toMillis());
        double quietAfter = 0;
        if (!quietMax.isZero()) {
            paused.set(true);
            long until = System.nanoTime() + 10_000_000_000L;
            while (pausedClients.get() < clients && System.nanoTime() < until) {
                Thread.sleep(5);
            }
            quietAfter = Quiet.await(0.15, quietMax);
        }
        measuring.set(true);
        paused.set(false);
        long start = System.nanoTime();
        long cpuStart = ownCpuNanos();
        Thread.sleep(measure.toMillis());
        measuring.set(false);
        long cpu = ownCpuNanos() - cpuStart;
        double seconds = (System.nanoTime() - start) / 1e9;
        stop.set(true);
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> f : futures) {
            all.add(f.get());
        }
        pool.shutdown();
        long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(merged.length, errors.get(), seconds, percentile(merged, 0.50), percentile(merged, 0.99),
                firstError.get(), cpuShare(cpu, seconds, Runtime.getRuntime().availableProcessors()), quietAfter);
    }

    /** The CPU time this JVM has used, all threads (JIT and GC included): what the load generator takes from the machine. */
    static long ownCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                && os.getProcessCpuTime() >= 0) {
            return os.getProcessCpuTime();
        }
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    /** CPU time over a wall-clock span as a share of all cores: 1.0 = every core busy the whole time. */
    static double cpuShare(long cpuNanos, double seconds, int cores) {
        return seconds <= 0 ? 0 : cpuNanos / (seconds * 1e9 * cores);
    }

    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    static String abbreviate(String text) {
        return text == null ? "" : text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
