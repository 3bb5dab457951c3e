package io.outboundcalls.app.security;

import io.outboundcalls.app.support.ApiClient;
import io.outboundcalls.app.support.ApiTest;
import io.outboundcalls.app.support.RawHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The edge as an attacker probes it: paths that decode or normalize to another route, requests
 * without credentials that announce a body, and clients that keep failing to authenticate.
 */
class EdgeSecurityApiTest extends ApiTest {

    private static final String ADMIN = "Bearer " + ADMIN_TOKEN;

    private RawHttp raw;
    private String apiKey;

    @BeforeEach
    void setUp() {
        raw = new RawHttp(port, "127.0.0.1");
        apiKey = "Bearer " + newAccount().token();
    }

    @Test
    void nonCanonicalPathsAre400ProblemsWithAndWithoutCredentials() {
        List<String> probes = List.of("/%61dmin/projections", "/%61dmin/accounts", "/v1;x=1/agents",
                "/v1/agents;jsessionid=1", "//v1/agents", "/v1//agents", "/v1/./agents", "/v1/x/../agents",
                "/admin/../v1/agents", "/v1/%2e/agents", "/v1/agents/%2F", "/v1/agents%00", "/v1/%61gents",
                "/v1/agents/%ZZ", "/v1/agents\\x", "/admin/projections;x=1", "/admin/%2e%2e/v1/agents");
        for (String path : probes) {
            for (String credentials : new String[]{null, apiKey, ADMIN}) {
                RawHttp.Response r = raw.get(path, credentials);
                assertThat(r.status()).as("%s with %s: %s", path, credentials, r).isEqualTo(400);
                assertThat(r.header("content-type")).as(path).startsWith("application/problem+json");
                // the firewall's answer, or Tomcat's for what it refuses before any filter runs (%2F, %00)
                assertThat(r.json().path("code").asText()).as(path).isIn("invalid_path", "invalid_request");
                assertThat(r.json().path("request_id").asText()).as(path).startsWith("req_");
                assertThat(r.header("request-id")).as(path).isEqualTo(r.json().path("request_id").asText());
            }
        }
    }

    @Test
    void anEncodedOperatorPathNeverRebuildsAProjection() {
        RawHttp.Response r = raw.send("POST", "/%61dmin/projections/calls/rebuild", null);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(admin().get("/admin/projections/calls").json().path("state").asText()).isNotEqualTo("replaying");
    }

    @Test
    void theCanonicalPathsStillWorkAndOtherPathsAre404() {
        assertThat(raw.get("/v1/agents", apiKey).status()).isEqualTo(200);
        assertThat(raw.get("/admin/projections", ADMIN).status()).isEqualTo(200);
        assertThat(raw.get("/v1/agents", null).status()).isEqualTo(401);
        assertThat(raw.get("/admin/projections", apiKey).json().path("code").asText()).isEqualTo("invalid_admin_token");
        assertThat(raw.get("/v1/agents", ADMIN).json().path("code").asText()).isEqualTo("invalid_api_key");
        assertThat(raw.get("/v1/openapi.json", null).status()).isEqualTo(200);
        assertThat(raw.get("/health/readiness", null).status()).isEqualTo(200);
        for (String path : new String[]{"/", "/anything", "/adminx", "/v1", "/ADMIN/projections", "/actuator"}) {
            RawHttp.Response r = raw.get(path, ADMIN);
            assertThat(r.status()).as(path).isIn(401, 404);
            assertThat(r.header("content-type")).as(path).startsWith("application/problem+json");
        }
        assertThat(raw.get("/anything", null).json().path("code").asText()).isEqualTo("route_not_found");
    }

    @Test
    void aControlCharacterInAHeaderIs400() {
        RawHttp.Response r = raw.get("/v1/agents", "Bearer sk_live_\u0001abc");
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.header("content-type")).startsWith("application/problem+json");
        assertThat(r.json().path("code").asText()).isIn("invalid_header", "invalid_request");
    }

    /** If the body were buffered first, the server would wait for bytes that never come. */
    @Test
    void authenticationHappensBeforeTheBodyIsRead() {
        long started = System.nanoTime();
        RawHttp.Response customer = raw.postWithoutBody("/v1/agents", null, 500_000);
        RawHttp.Response wrongKey = raw.postWithoutBody("/v1/agents", "Bearer sk_live_" + "a".repeat(43), 500_000);
        RawHttp.Response operator = raw.postWithoutBody("/admin/accounts", "Bearer wrong", 500_000);
        assertThat(customer.status()).as(customer.toString()).isEqualTo(401);
        assertThat(wrongKey.status()).as(wrongKey.toString()).isEqualTo(401);
        assertThat(operator.status()).as(operator.toString()).isEqualTo(401);
        assertThat((System.nanoTime() - started) / 1_000_000).as("ms for the three answers").isLessThan(4_000);
    }

    @Test
    void clientsWithoutAValidKeyAreRateLimitedPerAddress() {
        RawHttp guesser = new RawHttp(port, "127.0.0.23");
        List<RawHttp.Response> answers = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            answers.add(guesser.get("/v1/agents", "Bearer sk_live_" + Integer.toString(i).repeat(43).substring(0, 43)));
        }
        RawHttp.Response limited = answers.stream().filter(r -> r.status() == 429).findFirst().orElse(null);
        assertThat(limited).as("one of 60 guesses refused with 429").isNotNull();
        assertThat(answers).allSatisfy(r -> assertThat(r.status()).isIn(401, 429));
        assertThat(limited.json().path("code").asText()).isEqualTo("rate_limited");
        assertThat(limited.header("retry-after")).isNotNull();
        // another address, and the guesser's address with a valid key, are not affected
        assertThat(raw.get("/v1/agents", "Bearer sk_live_" + "b".repeat(43)).status()).isEqualTo(401);
        assertThat(guesser.get("/v1/agents", apiKey).status()).isEqualTo(200);
    }

    @Test
    void operatorRequestsAreRateLimitedPerAddressWhateverTheToken() throws Exception {
        RawHttp operator = new RawHttp(port, "127.0.0.24");
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                String token = i % 2 == 0 ? ADMIN : "Bearer wrong-token";
                statuses.add(threads.submit(() -> operator.get("/admin/accounts/acct_missing", token).status()));
            }
            List<Integer> seen = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                seen.add(status.get());
            }
            assertThat(seen).contains(429).allSatisfy(s -> assertThat(s).isIn(401, 404, 429));
        } finally {
            threads.shutdownNow();
        }
        assertThat(raw.get("/admin/accounts/acct_missing", ADMIN).status()).isEqualTo(404);
    }

    @Test
    void revokedKeysFailOnTheNextRequest() {
        ApiClient account = newAccount();
        ApiClient.Response created = account.post("/v1/api_keys", java.util.Map.of("name", "short-lived"));
        String secret = created.json().path("secret").asText();
        ApiClient second = new ApiClient(baseUrl(), secret);
        assertThat(second.get("/v1/agents").status()).isEqualTo(200);
        assertThat(account.delete("/v1/api_keys/" + created.json().path("id").asText()).status()).isEqualTo(200);
        assertThat(second.get("/v1/agents").status()).isEqualTo(401);
    }
}
