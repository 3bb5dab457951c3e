package io.outboundcalls.app.support;

import io.outboundcalls.app.OutboundCallsApplication;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The service in a JVM of its own, in the default embedded mode, as an operator starts it: for tests
 * that signal it (SIGTERM) or its PostgreSQL (freeze, kill) without touching the test JVM or the
 * PostgreSQL the other test classes share. Started from the test class path.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final Path dataDir;
    private final Path log;
    private final int port;

    private ServiceProcess(Process process, Path dataDir, Path log, int port) {
        this.process = process;
        this.dataDir = dataDir;
        this.log = log;
        this.port = port;
    }

    /** Starts the service on {@code dataDir} and waits until it is ready. */
    public static ServiceProcess start(Path dataDir, Duration readyWithin, String... args) throws Exception {
        int port = freePort();
        Files.createDirectories(dataDir);
        Path log = dataDir.resolve("service.log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-Daxoniq.update-checker.disabled=true",
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                OutboundCallsApplication.class.getName(),
                "--server.port=" + port,
                "--outboundcalls.data-dir=" + dataDir,
                "--spring.jmx.enabled=false"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ServiceProcess service = new ServiceProcess(process, dataDir, log, port);
        service.awaitReady(readyWithin);
        return service;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public Process process() {
        return process;
    }

    public String devApiKey() throws IOException {
        return Files.readString(dataDir.resolve("dev-api-key")).trim();
    }

    /** PostgreSQL's port, from the pid file the postmaster writes (its fourth line). */
    public int postgresPort() throws IOException {
        return Integer.parseInt(postmasterFile().get(3).trim());
    }

    /** The postmaster and every process it forked (backends, checkpointer, WAL writer…). */
    public List<ProcessHandle> postgresProcesses() throws IOException {
        Optional<ProcessHandle> postmaster = ProcessHandle.of(Long.parseLong(postmasterFile().get(0).trim()));
        return postmaster.map(p -> Stream.concat(Stream.of(p), p.descendants()).toList()).orElse(List.of());
    }

    /** Sends {@code signal} (STOP, CONT, KILL…) to every process given. */
    public static void signal(String signal, List<ProcessHandle> processes) throws Exception {
        if (processes.isEmpty()) {
            return;
        }
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        processes.forEach(p -> command.add(Long.toString(p.pid())));
        new ProcessBuilder(command).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Ends the service and its PostgreSQL, whatever state a test left them in. */
    @Override
    public void close() throws Exception {
        List<ProcessHandle> postgres = Files.exists(dataDir.resolve("postgres/postmaster.pid")) ? postgresProcesses() : List.of();
        signal("CONT", postgres);
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        signal("KILL", postgres);
    }

    private void awaitReady(Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The service exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                HttpResponse<Void> ready = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/health/readiness"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("The service was not ready within " + within + ":\n" + logTail());
    }

    private List<String> postmasterFile() throws IOException {
        return Files.readAllLines(dataDir.resolve("postgres/postmaster.pid"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
