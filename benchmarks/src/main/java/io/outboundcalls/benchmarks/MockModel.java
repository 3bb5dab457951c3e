package io.outboundcalls.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OpenAI-compatible chat completions server whose streamed answer's first token comes a fixed
 * {@code firstTokenDelay} after the request, then a few more tokens at once and {@code [DONE]}: the
 * relay benchmark subtracts that delay, so what remains is the service's own work on a turn. Each
 * request holds one of its threads while it waits (a plain sleep is the most exact delay), so the
 * pool is sized for every live conversation at once.
 */
final class MockModel implements AutoCloseable {

    static {
        // each chunk leaves at once, as a model server's would, not held back for the previous one's ACK
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final Pattern MARKER = Pattern.compile("\\[(call_\\w+#\\d+)]");

    static final List<String> TOKENS = List.of("Sure", ", I", " can", " help", " with", " that.");

    private final HttpServer server;
    private final ExecutorService threads;
    private final Duration firstTokenDelay;
    /** by the last {@code [call#turn]} marker of a request: when it arrived and when its first token was written */
    private final Map<String, long[]> seen = new ConcurrentHashMap<>();

    MockModel(Duration firstTokenDelay, int concurrentRequests) throws IOException {
        this.firstTokenDelay = firstTokenDelay;
        this.threads = Executors.newFixedThreadPool(concurrentRequests + 8);
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        server.createContext("/v1/chat/completions", this::answer);
        server.setExecutor(threads);
        server.start();
    }

    /** What the service's {@code outboundcalls.llm.base-url} is set to. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            long arrived = System.nanoTime();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            long written = 0;
            Matcher marker = MARKER.matcher(body);
            String last = null;
            while (marker.find()) {
                last = marker.group(1);
            }
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.flush();
            Thread.sleep(firstTokenDelay.toMillis());
            for (int i = 0; i < TOKENS.size(); i++) {
                if (i == 1 && last != null) {
                    seen.put(last, new long[] {arrived, written});
                }
                String delta = Http.JSON.writeValueAsString(TOKENS.get(i));
                write(out, "{\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\",\"model\":\"bench\","
                        + "\"choices\":[{\"index\":0,\"delta\":{" + (i == 0 ? "\"role\":\"assistant\"," : "")
                        + "\"content\":" + delta + "},\"finish_reason\":null}]}");
                if (i == 0) {
                    written = System.nanoTime();
                }
            }
            write(out, "{\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\",\"model\":\"bench\","
                    + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}");
            write(out, "[DONE]");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {request arrived, first token flushed} in this JVM's {@code System.nanoTime()}, or null; once per marker. */
    long[] seen(String marker) {
        return seen.remove(marker);
    }

    private static void write(OutputStream out, String data) throws IOException {
        out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
