package io.outboundcalls.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.outboundcalls.app.support.ApiClient;
import io.outboundcalls.app.support.ServiceProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The default embedded mode as an operator runs it, in a service JVM of its own with its own
 * PostgreSQL (never the one the other test classes share): its data is durable, a second start on
 * its data directory leaves it alone, a frozen database is answered 503 within seconds and the
 * service recovers by itself, and SIGTERM ends it within 10 s even with its database gone.
 * The four tests share one service start (tens of seconds); the last one ends it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmbeddedDurabilityTest {

    private static final String ADMIN_TOKEN = "durability-test-operator-token-0123456789";
    /** Every API request must be answered within this, whatever the database does. */
    private static final Duration ANSWER_BOUND = Duration.ofSeconds(10);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;

    private ServiceProcess service;

    @BeforeAll
    void startService() throws Exception {
        service = ServiceProcess.start(dataDir, Duration.ofSeconds(150), "--outboundcalls.admin-token=" + ADMIN_TOKEN);
    }

    @AfterAll
    void stopService() throws Exception {
        service.close();
    }

    @Test
    @Order(1)
    void theEmbeddedDatabaseRunsWithFsyncSynchronousCommitAndFullPageWritesOn() throws Exception {
        try (Connection connection = DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + service.postgresPort() + "/postgres", "postgres", "")) {
            assertThat(show(connection, "fsync")).isEqualTo("on");
            assertThat(show(connection, "synchronous_commit")).isEqualTo("on");
            assertThat(show(connection, "full_page_writes")).isEqualTo("on");
        }
    }

    @Test
    @Order(2)
    void aSecondStartOnTheLiveDataDirectoryRefusesAndLeavesTheRunningServiceAlone() throws Exception {
        List<ProcessHandle> postgresBefore = service.postgresProcesses();

        assertThatThrownBy(() -> SpringApplication.run(OutboundCallsApplication.class,
                "--server.port=0",
                "--outboundcalls.data-dir=" + dataDir,
                "--spring.datasource.url=",
                "--outboundcalls.admin-token=",
                "--spring.jmx.enabled=false").close())
                .rootCause()
                .hasMessageContaining("The data directory " + dataDir.toAbsolutePath()
                        + " is in use by process " + service.process().pid());

        assertThat(postgresBefore.get(0).isAlive()).as("the running service's PostgreSQL").isTrue();
        ApiClient.Response agents = api().get("/v1/agents");
        assertThat(agents.status()).as(agents.toString()).isEqualTo(200);
    }

    @Test
    @Order(3)
    void whileTheDatabaseIsFrozenRequestsAre503WithinSecondsAndReadinessIsDownThenAllRecovers() throws Exception {
        List<ProcessHandle> postgres = service.postgresProcesses();
        ServiceProcess.signal("STOP", postgres);
        try {
            Timed agents = timedGet("/v1/agents", service.devApiKey());
            assertThat(agents.status()).as(agents.body()).isEqualTo(503);
            assertThat(agents.elapsed()).isLessThan(ANSWER_BOUND);
            assertThat(agents.retryAfter()).isEqualTo("5");
            assertThat(agents.json().path("code").asText()).isEqualTo("service_unavailable");

            // an operator request reads the database inside a controller: Spring MVC's path to the 503
            Timed projections = timedGet("/admin/projections", ADMIN_TOKEN);
            assertThat(projections.status()).as(projections.body()).isEqualTo(503);
            assertThat(projections.elapsed()).isLessThan(ANSWER_BOUND);
            assertThat(projections.json().path("code").asText()).isEqualTo("service_unavailable");

            Timed readiness = timedGet("/health/readiness", null);
            assertThat(readiness.status()).isEqualTo(503);
            assertThat(readiness.elapsed()).isLessThan(ANSWER_BOUND);
            assertThat(timedGet("/health/liveness", null).status()).as("a frozen database is no reason to restart").isEqualTo(200);
        } finally {
            ServiceProcess.signal("CONT", postgres);
        }

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            assertThat(timedGet("/health/readiness", null).status()).isEqualTo(200);
            assertThat(api().get("/v1/agents").status()).isEqualTo(200);
        });
        ApiClient.Response created = api().post("/v1/agents", Map.of("name", "After the freeze", "prompt", "Hello"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    @Test
    @Order(4)
    void sigtermEndsTheServiceWithin10sWhileClientsCallItAndItsDatabaseIsGone() throws Exception {
        String key = service.devApiKey();
        AtomicBoolean calling = new AtomicBoolean(true);
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Thread client = new Thread(() -> {
                while (calling.get()) {
                    try {
                        timedGet("/v1/agents", key);
                    } catch (Exception stopped) {
                        // the service is going away
                    }
                }
            });
            client.setDaemon(true);
            client.start();
            clients.add(client);
        }
        try {
            ServiceProcess.signal("KILL", service.postgresProcesses());
            Thread.sleep(1_000);

            long start = System.nanoTime();
            service.process().destroy();
            boolean ended = service.process().waitFor(ANSWER_BOUND.toMillis(), TimeUnit.MILLISECONDS);
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(ended).as("ended within %s after SIGTERM (took %s):%n%s", ANSWER_BOUND, took, service.logTail()).isTrue();
        } finally {
            calling.set(false);
        }
    }

    private ApiClient api() throws IOException {
        return new ApiClient(service.baseUrl(), service.devApiKey());
    }

    private static String show(Connection connection, String setting) throws Exception {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SHOW " + setting)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private record Timed(int status, String retryAfter, String body, Duration elapsed) {

        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }

    /** A GET that gives up after well past the bound, so that a hanging service fails the test rather than stalls it. */
    private Timed timedGet(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.baseUrl() + path)).timeout(Duration.ofSeconds(20));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        long start = System.nanoTime();
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Timed(response.statusCode(), response.headers().firstValue("Retry-After").orElse(null), response.body(),
                Duration.ofNanos(System.nanoTime() - start));
    }
}
