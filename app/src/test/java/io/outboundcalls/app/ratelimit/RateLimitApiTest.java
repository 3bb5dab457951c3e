package io.outboundcalls.app.ratelimit;

import com.fasterxml.jackson.databind.JsonNode;
import io.outboundcalls.app.OutboundCallsApplication;
import io.outboundcalls.app.support.ApiClient;
import io.outboundcalls.app.support.ApiTest;
import io.outboundcalls.app.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RateLimitApiTest extends ApiTest {

    private static final String UNKNOWN_AGENT = "/v1/agents/agent_01unknownunknownunknown00";

    private record Account(String id, String secret, ApiClient api) {
    }

    private Account account(String tier, Map<String, Object> limits) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Limits " + tier);
        body.put("tier", tier);
        if (limits != null) {
            body.put("limits", limits);
        }
        ApiClient.Response created = admin().post("/admin/accounts", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode json = created.json();
        String secret = json.path("api_key").path("secret").asText();
        return new Account(json.path("id").asText(), secret, new ApiClient(baseUrl(), secret));
    }

    @Test
    void the101stRequestWithinAMinuteIsRefusedWithHeaders() {
        // burst raised so that a fast client meets the minute quota, not the per-second one
        ApiClient api = account("standard", Map.of("burst_per_second", 1000)).api();
        avoidMinuteBoundary();

        ApiClient.Response first = api.get("/v1/agents");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("X-RateLimit-Limit")).isEqualTo("100");
        assertThat(first.header("X-RateLimit-Remaining")).isEqualTo("99");
        long reset = Long.parseLong(first.header("X-RateLimit-Reset"));
        assertThat(reset % 60).isZero();
        assertThat(reset - Instant.now().getEpochSecond()).isBetween(1L, 60L);

        ApiClient.Response last = first;
        for (int i = 2; i <= 100; i++) {
            last = api.get("/v1/agents");
            assertThat(last.status()).as("request %d: %s", i, last).isEqualTo(200);
        }
        assertThat(last.header("X-RateLimit-Remaining")).isEqualTo("0");

        ApiClient.Response refused = api.get("/v1/agents");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().path("code").asText()).isEqualTo("rate_limited");
        assertThat(refused.json().path("limit").asText()).isEqualTo("minute");
        assertThat(refused.json().path("detail").asText()).contains("100 requests per minute");
        assertThat(refused.header("X-RateLimit-Limit")).isEqualTo("100");
        assertThat(refused.header("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(refused.header("X-RateLimit-Reset")).isEqualTo(Long.toString(reset));
        // the sliding window: a full minute still weighs 60/60 in the next minute's first second
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 61L);
        assertThat(refused.header("Request-Id")).startsWith("req_");
    }

    @Test
    void the21stRequestWithinOneSecondIsRefused() {
        ApiClient api = account("standard", null).api();
        // 21 sequential requests normally fit in one second; if a slow machine spreads them over
        // two, the attempt proves nothing and is repeated
        for (int attempt = 0; attempt < 5; attempt++) {
            long second = startOfNextSecond();
            List<ApiClient.Response> responses = new ArrayList<>();
            for (int i = 0; i < 21; i++) {
                responses.add(api.get(UNKNOWN_AGENT));
            }
            if (Instant.now().getEpochSecond() != second) {
                continue;
            }
            assertThat(responses.subList(0, 20)).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(404));
            ApiClient.Response refused = responses.get(20);
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.json().path("limit").asText()).isEqualTo("burst");
            assertThat(refused.json().path("detail").asText()).contains("20 requests per second");
            assertThat(refused.header("Retry-After")).isEqualTo("1");
            // a refused request is not counted: the minute quota is where the 20th left it
            assertThat(refused.header("X-RateLimit-Remaining")).isEqualTo(responses.get(19).header("X-RateLimit-Remaining"));
            return;
        }
        throw new AssertionError("Could not send 21 requests within one second in 5 attempts");
    }

    @Test
    void the11thRequestInFlightIsRefusedAndSlotsComeBack() throws Exception {
        Account account = account("standard", null);
        List<Socket> slowUploads = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                slowUploads.add(startSlowUpload(account.secret()));
            }
            // each upload holds its slot while Spring waits for the rest of the multipart body
            await().atMost(Duration.ofSeconds(10)).until(() -> liveLeases(account.id()) == 10);

            ApiClient.Response refused = account.api().get("/v1/agents");
            assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
            assertThat(refused.json().path("limit").asText()).isEqualTo("concurrency");
            assertThat(refused.json().path("detail").asText()).contains("10 requests in flight");
            assertThat(refused.header("Retry-After")).isEqualTo("1");
        } finally {
            for (Socket socket : slowUploads) {
                socket.close();
            }
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> liveLeases(account.id()) == 0);
        assertThat(account.api().get("/v1/agents").status()).isEqualTo(200);
    }

    @Test
    void aLeaseOfACrashedNodeExpires() throws SQLException {
        Account account = account("standard", null);
        // ten slots held by a node that died: live leases refuse, expired ones do not count
        insertLeases(account.id(), 10, "clock_timestamp() + interval '30 seconds'");
        assertThat(account.api().get("/v1/agents").status()).isEqualTo(429);
        sql("update ratelimit.in_flight set expires_at = clock_timestamp() - interval '1 second' where account_id = '"
                + account.id() + "'");
        assertThat(account.api().get("/v1/agents").status()).isEqualTo(200);
    }

    @Test
    void headersArePresentOnSuccessClientErrorAndServerError() throws SQLException {
        ApiClient api = account("professional", null).api();

        ApiClient.Response ok = api.get("/v1/agents");
        ApiClient.Response notFound = api.get(UNKNOWN_AGENT);
        ApiClient.Response invalid = api.post("/v1/agents", Map.of("name", ""));
        sql("alter table query.agents rename column account_id to account_id_unavailable");
        ApiClient.Response serverError;
        try {
            serverError = api.get("/v1/agents");
        } finally {
            sql("alter table query.agents rename column account_id_unavailable to account_id");
        }

        assertThat(ok.status()).isEqualTo(200);
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(serverError.status()).as(serverError.toString()).isEqualTo(500);
        int expectedRemaining = 500;
        for (ApiClient.Response r : List.of(ok, notFound, invalid, serverError)) {
            expectedRemaining--;
            assertThat(r.header("X-RateLimit-Limit")).as(r.toString()).isEqualTo("500");
            assertThat(r.header("X-RateLimit-Remaining")).as(r.toString()).isEqualTo(Integer.toString(expectedRemaining));
            assertThat(r.header("X-RateLimit-Reset")).as(r.toString()).matches("\\d{10}");
        }
    }

    @Test
    void enterpriseIsUnlimitedByDefaultAndATierChangeAppliesOnTheNextRequest() {
        Account account = account("enterprise", null);
        for (int i = 0; i < 150; i++) {
            assertThat(account.api().get(UNKNOWN_AGENT).status()).isEqualTo(404);
        }
        assertThat(account.api().get("/v1/agents").header("X-RateLimit-Limit")).isEqualTo(Integer.toString(Integer.MAX_VALUE));

        ApiClient.Response patched = admin().patch("/admin/accounts/" + account.id(), Map.of("tier", "professional"));
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(account.api().get("/v1/agents").header("X-RateLimit-Limit")).isEqualTo("500");

        admin().patch("/admin/accounts/" + account.id(), Map.of("limits", Map.of("requests_per_minute", 1)));
        assertThat(account.api().get("/v1/agents").status()).isIn(200, 429);
        assertThat(account.api().get("/v1/agents").status()).isEqualTo(429);
    }

    @Test
    void twoApplicationInstancesShareOneBudget() {
        Account account = account("standard", Map.of("burst_per_second", 1000));
        TestDatabase.Connection db = TestDatabase.get();
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(OutboundCallsApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + db.url(),
                "--spring.datasource.username=" + db.username(),
                "--spring.datasource.password=" + db.password(),
                "--outboundcalls.admin-token=" + ADMIN_TOKEN,
                "--outboundcalls.dev-account=false",
                "--outboundcalls.data-dir=target/test-data-second-node")) {
            int secondPort = ((WebServerApplicationContext) second).getWebServer().getPort();
            ApiClient nodeA = account.api();
            ApiClient nodeB = new ApiClient("http://localhost:" + secondPort, account.secret());
            avoidMinuteBoundary();

            for (int i = 1; i <= 100; i++) {
                ApiClient.Response r = (i % 2 == 0 ? nodeB : nodeA).get("/v1/agents");
                assertThat(r.status()).as("request %d: %s", i, r).isEqualTo(200);
                assertThat(r.header("X-RateLimit-Remaining")).isEqualTo(Integer.toString(100 - i));
            }
            assertThat(nodeA.get("/v1/agents").status()).isEqualTo(429);
            assertThat(nodeB.get("/v1/agents").status()).isEqualTo(429);

            // five requests in flight on each node fill the account's ten slots on both
            Account busy = account("standard", null);
            List<Socket> slowUploads = new ArrayList<>();
            try {
                for (int i = 0; i < 10; i++) {
                    slowUploads.add(startSlowUpload(i % 2 == 0 ? port : secondPort, busy.secret()));
                }
                await().atMost(Duration.ofSeconds(10)).until(() -> liveLeases(busy.id()) == 10);
                ApiClient.Response onA = busy.api().get("/v1/agents");
                ApiClient.Response onB = new ApiClient("http://localhost:" + secondPort, busy.secret()).get("/v1/agents");
                assertThat(onA.status()).isEqualTo(429);
                assertThat(onB.status()).isEqualTo(429);
                assertThat(onB.json().path("limit").asText()).isEqualTo("concurrency");
            } finally {
                for (Socket socket : slowUploads) {
                    socket.close();
                }
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> liveLeases(busy.id()) == 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- helpers -------------------------------------------------------------------------------

    /** Sends the headers and the start of a multipart body, then stalls, keeping the request in flight. */
    private Socket startSlowUpload(String secret) throws IOException {
        return startSlowUpload(port, secret);
    }

    private static Socket startSlowUpload(int port, String secret) throws IOException {
        Socket socket = new Socket("localhost", port);
        String head = "POST /v1/agents HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + secret + "\r\n"
                + "Content-Type: multipart/form-data; boundary=slow\r\n"
                + "Content-Length: 100000\r\n\r\n"
                + "--slow\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\nphone_number\r\n";
        OutputStream out = socket.getOutputStream();
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    private static void avoidMinuteBoundary() {
        long secondOfMinute = Instant.now().getEpochSecond() % 60;
        if (secondOfMinute > 45) {
            sleepUntil(Instant.ofEpochSecond((Instant.now().getEpochSecond() / 60 + 1) * 60));
        }
    }

    private static long startOfNextSecond() {
        long next = Instant.now().getEpochSecond() + 1;
        sleepUntil(Instant.ofEpochSecond(next).plusMillis(5));
        return next;
    }

    private static void sleepUntil(Instant at) {
        long millis = Duration.between(Instant.now(), at).toMillis();
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static long liveLeases(String accountId) throws SQLException {
        try (Connection c = connect();
             PreparedStatement s = c.prepareStatement(
                     "select count(*) from ratelimit.in_flight where account_id = ? and expires_at > clock_timestamp()")) {
            s.setString(1, accountId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void insertLeases(String accountId, int n, String expiresAt) throws SQLException {
        sql("insert into ratelimit.in_flight (account_id, request_id, expires_at) select '" + accountId
                + "', 'req_dead' || g, " + expiresAt + " from generate_series(1, " + n + ") g");
    }

    private static void sql(String statement) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private static Connection connect() throws SQLException {
        TestDatabase.Connection db = TestDatabase.get();
        return DriverManager.getConnection(db.url(), db.username(), db.password());
    }
}
