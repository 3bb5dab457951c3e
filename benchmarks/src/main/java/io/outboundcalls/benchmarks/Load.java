package io.outboundcalls.benchmarks;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;

/**
 * A closed-loop load: {@code clients} threads each send a request, wait for the answer, and send
 * the next. Only answers with the expected status count; others are reported as errors. A
 * warm-up phase runs first and is not measured.
 */
final class Load {

    record Result(long ok, long errors, double seconds, long p50Micros, long p99Micros, String firstError) {
        double perSecond() {
            return ok / seconds;
        }
    }

    private Load() {
    }

    /** @param requests builds the n-th request of a client (n counts across the run, warm-up included) */
    static Result run(Http http, int clients, Duration warmup, Duration measure, int expectedStatus,
                      IntFunction<HttpRequest> requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicBoolean stop = new AtomicBoolean(false);
        java.util.concurrent.atomic.AtomicInteger sequence = new java.util.concurrent.atomic.AtomicInteger();
        List<Future<long[]>> futures = new ArrayList<>();
        java.util.concurrent.atomic.AtomicLong errors = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicReference<String> firstError = new java.util.concurrent.atomic.AtomicReference<>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                long[] latencies = new long[1 << 16];
                int count = 0;
                while (!stop.get()) {
                    HttpRequest request = requests.apply(sequence.getAndIncrement());
                    long start = System.nanoTime();
                    Http.Response response = http.send(request);
                    long micros = (System.nanoTime() - start) / 1000;
                    if (!measuring.get()) {
                        continue;
                    }
                    if (response.status() == expectedStatus) {
                        if (count == latencies.length) {
                            latencies = Arrays.copyOf(latencies, count * 2);
                        }
                        latencies[count++] = micros;
                    } else {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, response.status() + " " + abbreviate(response.body()));
                    }
                }
                return Arrays.copyOf(latencies, count);
            }));
        }
        Thread.sleep(warmup.toMillis());
        measuring.set(true);
        long start = System.nanoTime();
        Thread.sleep(measure.toMillis());
        measuring.set(false);
        double seconds = (System.nanoTime() - start) / 1e9;
        stop.set(true);
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> f : futures) {
            all.add(f.get());
        }
        pool.shutdown();
        long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(merged.length, errors.get(), seconds, percentile(merged, 0.50), percentile(merged, 0.99),
                firstError.get());
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
