package io.outboundcalls.app.web;

import io.outboundcalls.app.support.ApiClient;
import io.outboundcalls.app.support.ApiTest;
import io.outboundcalls.webhooks.crypto.SecretCipher;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Stored Idempotency-Key responses are sealed: the secrets some of them carry are never readable in the table. */
class IdempotencySealingApiTest extends ApiTest {

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private IdempotencyStore store;

    private static Map<String, String> key(String value) {
        return Map.of(IdempotencyFilter.HEADER, value);
    }

    private byte[] storedBody(String idempotencyKey) {
        return jdbc.queryForObject("select response_body from api.idempotency_keys where idempotency_key = ?",
                byte[].class, idempotencyKey);
    }

    /** Sends the request twice with one key; the second must replay the first exactly. */
    private ApiClient.Response createdAndReplayed(ApiClient api, String path, Object body, String idempotencyKey) {
        ApiClient.Response first = api.post(path, body, key(idempotencyKey));
        assertThat(first.status()).as(first.toString()).isBetween(200, 201);
        ApiClient.Response replay = api.post(path, body, key(idempotencyKey));
        assertThat(replay.status()).isEqualTo(first.status());
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.rawBody()).isEqualTo(first.rawBody());
        return first;
    }

    @Test
    void theTableHoldsNoSecretWhileReplaysStillShowIt() {
        String accountKey = "acct-" + UUID.randomUUID();
        String account = createdAndReplayed(admin(), "/admin/accounts", Map.of("name", "Sealed"), accountKey)
                .json().path("api_key").path("secret").asText();
        ApiClient api = new ApiClient(baseUrl(), account);
        String apiKeyKey = "key-" + UUID.randomUUID();
        String apiKey = createdAndReplayed(api, "/v1/api_keys", Map.of("name", "CI"), apiKeyKey)
                .json().path("secret").asText();
        String endpointKey = "we-" + UUID.randomUUID();
        ApiClient.Response endpoint = createdAndReplayed(api, "/v1/webhook_endpoints",
                Map.of("url", "http://localhost:9/hook", "enabled_events", List.of("*")), endpointKey);
        String rollKey = "roll-" + UUID.randomUUID();
        String rolled = createdAndReplayed(api, "/v1/webhook_endpoints/" + endpoint.json().path("id").asText()
                + "/roll_secret", null, rollKey).json().path("secret").asText();
        assertThat(account).startsWith("sk_live_");
        assertThat(apiKey).startsWith("sk_live_");
        assertThat(rolled).startsWith("whsec_");

        for (String idempotencyKey : List.of(accountKey, apiKeyKey, endpointKey, rollKey)) {
            String stored = new String(storedBody(idempotencyKey), StandardCharsets.ISO_8859_1);
            assertThat(stored).as(idempotencyKey).startsWith("v1:").doesNotContain("sk_live_").doesNotContain("whsec_")
                    .doesNotContain("\"secret\"");
        }
        assertThat(jdbc.queryForObject("""
                select count(*) from api.idempotency_keys where idempotency_key in (?, ?, ?, ?)
                and (position('sk_live_'::bytea in response_body) > 0 or position('whsec_'::bytea in response_body) > 0)""",
                Integer.class, accountKey, apiKeyKey, endpointKey, rollKey)).isZero();
    }

    @Test
    void aResponseStoredInPlainTextBeforeTheUpgradeStillReplaysAndIsSealedAtStart() {
        ApiClient api = newAccount();
        String idempotencyKey = "legacy-" + UUID.randomUUID();
        ApiClient.Response first = api.post("/v1/api_keys", Map.of("name", "old"), key(idempotencyKey));
        jdbc.update("update api.idempotency_keys set response_body = ? where idempotency_key = ?",
                first.rawBody().getBytes(StandardCharsets.UTF_8), idempotencyKey);

        ApiClient.Response plainReplay = api.post("/v1/api_keys", Map.of("name", "old"), key(idempotencyKey));
        assertThat(plainReplay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(plainReplay.rawBody()).isEqualTo(first.rawBody());

        store.sealResponsesWithTheCurrentKey();
        assertThat(new String(storedBody(idempotencyKey), StandardCharsets.ISO_8859_1)).startsWith("v1:")
                .doesNotContain("sk_live_");
        ApiClient.Response sealedReplay = api.post("/v1/api_keys", Map.of("name", "old"), key(idempotencyKey));
        assertThat(sealedReplay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(sealedReplay.rawBody()).isEqualTo(first.rawBody());
    }

    @Test
    void aResponseSealedWithALostKeyIsForgottenAndTheRequestRunsAgain() {
        ApiClient api = newAccount();
        String idempotencyKey = "lost-" + UUID.randomUUID();
        Map<String, Object> agent = Map.of("name", "Ava", "prompt", "Be brief");
        ApiClient.Response first = api.post("/v1/agents", agent, key(idempotencyKey));
        assertThat(first.status()).isEqualTo(201);
        byte[] otherKey = new byte[SecretCipher.KEY_BYTES];
        new SecureRandom().nextBytes(otherKey);
        jdbc.update("update api.idempotency_keys set response_body = ? where idempotency_key = ?",
                new SecretCipher(otherKey).seal(first.rawBody().getBytes(StandardCharsets.UTF_8), "anything"),
                idempotencyKey);

        ApiClient.Response again = api.post("/v1/agents", agent, key(idempotencyKey));
        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isNull();
        assertThat(again.json().path("id").asText()).isNotEqualTo(first.json().path("id").asText());
    }
}
