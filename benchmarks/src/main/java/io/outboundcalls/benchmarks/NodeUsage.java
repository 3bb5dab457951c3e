package io.outboundcalls.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The service process's CPU time (all its threads, from the OS), and, when settled, its heap after a full
 * collection (so garbage does not count as what a call holds) and its resident set.
 */
record NodeUsage(long cpuNanos, long heapBytes, long rssBytes) {

    static NodeUsage cpu(Service service) {
        return new NodeUsage(cpuNanos(service), 0, 0);
    }

    static NodeUsage settled(Service service) throws Exception {
        ProcessHandle process = service.process();
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        Process gc = new ProcessBuilder(jcmd, Long.toString(process.pid()), "GC.run").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!gc.waitFor(60, TimeUnit.SECONDS)) {
            gc.destroyForcibly();
        }
        return new NodeUsage(cpuNanos(service), heapUsed(service), rss(process.pid()));
    }

    private static long cpuNanos(Service service) {
        return service.process().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    /** The sum of the heap pools of {@code jvm_memory_used_bytes} in the Prometheus export. */
    private static long heapUsed(Service service) {
        Http.Response metrics = new Http(service.baseUrl).get("/admin/metrics", service.adminToken);
        double used = 0;
        for (String line : metrics.body().split("\n")) {
            if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                used += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return (long) used;
    }

    private static long rss(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        return 0;
    }
}
