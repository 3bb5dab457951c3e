package io.outboundcalls.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.outboundcalls.app.support.ApiClient;
import io.outboundcalls.app.support.ApiTest;
import io.outboundcalls.command.account.ApiKeys;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ConventionsApiTest extends ApiTest {

    @Autowired
    JdbcTemplate jdbc;

    private static Map<String, Object> agent(String name) {
        return Map.of("name", name, "prompt", "Be helpful");
    }

    @Test
    void replaysTheFirstResponseForTheSameKeyAndBody() {
        ApiClient api = newAccount().withHeader("Idempotency-Key", "create-agent-1");
        ApiClient.Response first = api.post("/v1/agents", agent("Once"));
        ApiClient.Response second = api.post("/v1/agents", agent("Once"));
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.rawBody()).isEqualTo(first.rawBody());
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(api.get("/v1/agents").json().path("data")).hasSize(1);
    }

    @Test
    void refusesTheSameKeyWithAnotherBody() {
        ApiClient api = newAccount().withHeader("Idempotency-Key", "k-2");
        assertThat(api.post("/v1/agents", agent("A")).status()).isEqualTo(201);
        ApiClient.Response reused = api.post("/v1/agents", agent("B"));
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.json().path("code").asText()).isEqualTo("idempotency_key_reused");
        assertThat(api.get("/v1/agents").json().path("data")).hasSize(1);
    }

    @Test
    void keysArePerAccount() {
        ApiClient one = newAccount().withHeader("Idempotency-Key", "shared-key");
        ApiClient two = newAccount().withHeader("Idempotency-Key", "shared-key");
        String a = one.post("/v1/agents", agent("Same")).json().path("id").asText();
        ApiClient.Response other = two.post("/v1/agents", agent("Same"));
        assertThat(other.header("Idempotent-Replayed")).isNull();
        assertThat(other.json().path("id").asText()).isNotEqualTo(a);
    }

    @Test
    void answers409WhileTheFirstRequestIsStillRunning() {
        ApiClient api = newAccount();
        String accountId = jdbc.queryForObject("select account_id from registry.api_keys where key_hash = ?",
                String.class, ApiKeys.hash(api.token()));
        // the first request with this key and body is still in flight (on this node or another)
        jdbc.update("""
                insert into api.idempotency_keys (scope, idempotency_key, fingerprint, state, created_at, locked_until)
                values (?, 'busy-key', ?, 'in_flight', now(), ?)""",
                accountId, fingerprintOf(agent("X")), Timestamp.from(Instant.now().plusSeconds(60)));
        ApiClient.Response busy = api.withHeader("Idempotency-Key", "busy-key").post("/v1/agents", agent("X"));
        assertThat(busy.status()).isEqualTo(409);
        assertThat(busy.json().path("code").asText()).isEqualTo("idempotency_key_in_use");
        assertThat(api.get("/v1/agents").json().path("data")).isEmpty();

        // once its lease has expired (its node died), a retry takes the key over
        jdbc.update("update api.idempotency_keys set locked_until = now() - interval '1 second' where scope = ?", accountId);
        assertThat(api.withHeader("Idempotency-Key", "busy-key").post("/v1/agents", agent("X")).status()).isEqualTo(201);
    }

    @Test
    void everyResponseHasARequestIdAndUnknownRoutesAreProblems() {
        ApiClient api = newAccount();
        ApiClient.Response notFound = api.get("/v1/nothing-here");
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.header("Request-Id")).startsWith("req_");
        assertThat(notFound.json().path("code").asText()).isEqualTo("route_not_found");
        assertThat(notFound.json().path("request_id").asText()).isEqualTo(notFound.header("Request-Id"));

        ApiClient.Response wrongMethod = api.send("PUT", "/v1/agents", "{}", Map.of());
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void servesHealthReadinessAndTheOpenApiDocument() {
        assertThat(anonymous().get("/health").json().path("status").asText()).isEqualTo("UP");
        assertThat(anonymous().get("/health/readiness").status()).isEqualTo(200);
        assertThat(anonymous().get("/health/liveness").status()).isEqualTo(200);
        ApiClient.Response openapi = anonymous().get("/v1/openapi.json");
        assertThat(openapi.status()).isEqualTo(200);
        JsonNode doc = openapi.json();
        assertThat(doc.path("paths").has("/v1/agents")).isTrue();
        assertThat(doc.path("paths").has("/v1/agents/{id}")).isTrue();
        assertThat(doc.toString()).doesNotContain("\"principal\"");
    }

    private static String fingerprintOf(Map<String, Object> body) {
        try {
            byte[] json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsBytes(body);
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            digest.update("POST /v1/agents?null\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            digest.update(json);
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
