package io.outboundcalls.benchmarks;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The load generator's HTTP/1.1 client against the JDK's server: lengths, chunks, keep-alive. */
class WireTest {

    private HttpServer server;
    private String base;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] request = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            String body = path.equals("/big") ? "x".repeat(100_000) : exchange.getRequestMethod() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization") + " " + new String(request, StandardCharsets.UTF_8);
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            // 0 = chunked, as Tomcat answers a body larger than its buffer
            exchange.sendResponseHeaders(path.equals("/missing") ? 404 : 200, path.equals("/big") ? 0 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void readsLengthAndChunkedBodiesOverOneKeptAliveConnection() throws Exception {
        try (Wire wire = new Wire(base)) {
            Wire.Answer posted = wire.send(Wire.request("POST", "/x", wire.host(), "sk_1", "{\"a\":1}"), 201);
            assertThat(posted.status()).isEqualTo(200);
            assertThat(posted.body()).isEqualTo("POST Bearer sk_1 {\"a\":1}");
            Wire.Answer big = wire.send(Wire.request("GET", "/big", wire.host(), null, null), 0);
            assertThat(big.body()).hasSize(100_000);
            Wire.Answer expected = wire.send(Wire.request("GET", "/y", wire.host(), "sk_1", null), 200);
            assertThat(expected.status()).isEqualTo(200);
            assertThat(expected.body()).isNull();
            assertThat(wire.send(Wire.request("GET", "/missing", wire.host(), null, null), 200).status()).isEqualTo(404);
        }
    }

    @Test
    void countsOnlyTheExpectedStatusAndMeasuresItsOwnCpu() throws Exception {
        Sizes sizes = new Sizes(java.time.Duration.ofMillis(100), java.time.Duration.ofMillis(300), 0, 0, 0, 0, 0, 0, 0);
        byte[] request = Wire.request("GET", "/missing", "127.0.0.1", null, null);
        Load.Result result = Load.http(base, 2, sizes, 200, n -> request);
        assertThat(result.ok()).isZero();
        assertThat(result.errors()).isPositive();
        assertThat(result.firstError()).startsWith("404 GET");
        assertThat(result.clientCpuShare()).isPositive();
    }
}
