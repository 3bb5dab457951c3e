package io.outboundcalls.benchmarks;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/** The service under test, started as its own process with embedded PostgreSQL in a fresh data directory. */
final class Service implements AutoCloseable {

    static final String BASE_URL = "{base-url}";

    final String baseUrl;
    final String adminToken;
    private final Process process;
    private final Path dataDir;

    private Service(String baseUrl, String adminToken, Process process, Path dataDir) {
        this.baseUrl = baseUrl;
        this.adminToken = adminToken;
        this.process = process;
        this.dataDir = dataDir;
    }

    /** {@code extraArgs} may name the service's own URL as {@value #BASE_URL} (its port is chosen here). */
    static Service start(List<String> extraArgs) throws Exception {
        Path jar = findJar();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path dataDir = Files.createTempDirectory("outboundcalls-bench");
        String adminToken = UUID.randomUUID().toString();
        List<String> command = new ArrayList<>(List.of(
                System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
                "-Xmx1g", "-Daxoniq.update-checker.disabled=true"));
        // e.g. a flight recording of the service alone: BENCH_SERVICE_JAVA_OPTIONS="-XX:StartFlightRecording:..."
        String javaOptions = System.getenv("BENCH_SERVICE_JAVA_OPTIONS");
        if (javaOptions != null && !javaOptions.isBlank()) {
            command.addAll(List.of(javaOptions.trim().split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString(),
                "--server.port=" + port,
                "--outboundcalls.data-dir=" + dataDir,
                "--outboundcalls.admin-token=" + adminToken,
                "--outboundcalls.dev-account=false",
                "--outboundcalls.telephony.simulator.speed=1000",
                "--outboundcalls.webhooks.allow-private-networks=true",
                "--logging.level.root=WARN"));
        String baseUrl = "http://127.0.0.1:" + port;
        extraArgs.forEach(arg -> command.add(arg.replace(BASE_URL, baseUrl)));
        Path log = dataDir.resolve("service.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Service service = new Service(baseUrl, adminToken, process, dataDir);
        Http http = new Http(service.baseUrl);
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (http.get("/health/readiness", null).status() != 200) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                service.stop(); // keeps the data directory: its service.log says why
                throw new IllegalStateException("The service did not start; see " + log);
            }
            Thread.sleep(250);
        }
        return service;
    }

    private static Path findJar() throws IOException {
        Path target = Path.of("app", "target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().matches("app-.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("Build the service first: ./mvnw -q -DskipTests package"));
        }
    }

    /** Stops the service and deletes its data directory (an embedded database of several GB after a full run). */
    @Override
    public void close() throws Exception {
        stop();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private void stop() throws InterruptedException {
        process.destroy(); // SIGTERM: Spring shuts down and stops its embedded PostgreSQL
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    /** The service's process, for its CPU time and resident memory. */
    ProcessHandle process() {
        return process.toHandle();
    }

    Path dataDir() {
        return dataDir;
    }
}
