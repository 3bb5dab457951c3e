package io.outboundcalls.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.outboundcalls.app.support.ApiClient;
import io.outboundcalls.app.support.ApiTest;
import io.outboundcalls.app.support.ExtraNode;
import io.outboundcalls.webhooks.endpoint.StoredSecrets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A key rotation as an operator runs it: the node restarts with a new key under a higher version and the
 * old key listed as previous; at start every value the old key sealed is sealed again with the new one, so
 * secrets keep working and the old key can then be dropped. Values sealed with a key the node does not
 * have (here: the shared test node's) are left alone.
 */
class EncryptionKeyRotationTest extends ApiTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aRestartWithANewKeyReSealsEverySecretTheOldKeySealedAndKeepsThemWorking() {
        String oldKey = randomKey();
        String newKey = randomKey();
        String endpointId;
        String secret;
        String accountId;
        Map<String, Object> agent = Map.of("name", "Rotated", "prompt", "Be brief.", "first_message", "Hello.");
        String firstAnswer;
        String apiKey;
        try (ConfigurableApplicationContext before = ExtraNode.start("rotation-before",
                "--outboundcalls.encryption-key=" + oldKey, "--outboundcalls.webhooks.allow-private-networks=true")) {
            ApiClient.Response account = new ApiClient(ExtraNode.baseUrl(before), ExtraNode.ADMIN_TOKEN)
                    .post("/admin/accounts", Map.of("name", "Rotation", "tier", "enterprise"));
            apiKey = account.json().path("api_key").path("secret").asText();
            ApiClient api = new ApiClient(ExtraNode.baseUrl(before), apiKey);
            ApiClient.Response endpoint = api.post("/v1/webhook_endpoints",
                    Map.of("url", "http://127.0.0.1:9/hooks", "enabled_events", List.of("call.completed")));
            assertThat(endpoint.status()).as(endpoint.toString()).isEqualTo(201);
            endpointId = endpoint.json().path("id").asText();
            secret = endpoint.json().path("secret").asText();
            ApiClient.Response created = api.post("/v1/agents", agent, Map.of("Idempotency-Key", "rotation-agent"));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            firstAnswer = created.rawBody();
            accountId = jdbc.queryForObject("select account_id from webhooks.endpoints where id = ?", String.class, endpointId);
        }
        assertThat(storedSecret(endpointId)).startsWith("v1:");
        long othersSealedBefore = valuesOfOtherAccountsSealedWith("v1:", accountId);

        try (ConfigurableApplicationContext after = ExtraNode.start("rotation-after",
                "--outboundcalls.encryption-key=" + newKey, "--outboundcalls.encryption-key-version=2",
                "--outboundcalls.previous-encryption-keys=1:" + oldKey,
                "--outboundcalls.webhooks.allow-private-networks=true")) {
            assertThat(storedSecret(endpointId)).as("re-sealed at start").startsWith("v2:");
            assertThat(jdbc.queryForList("select substring(response_body from 1 for 3) from api.idempotency_keys "
                    + "where idempotency_key = 'rotation-agent'", byte[].class))
                    .singleElement().satisfies(prefix -> assertThat(new String(prefix)).isEqualTo("v2:"));
            assertThat(after.getBean(StoredSecrets.class).open(endpointId, storedSecret(endpointId))).isEqualTo(secret);
            ApiClient.Response replayed = new ApiClient(ExtraNode.baseUrl(after), apiKey)
                    .post("/v1/agents", agent, Map.of("Idempotency-Key", "rotation-agent"));
            assertThat(replayed.header("Idempotent-Replayed")).as(replayed.toString()).isEqualTo("true");
            assertThat(replayed.rawBody()).isEqualTo(firstAnswer);
            assertThat(valuesOfOtherAccountsSealedWith("v1:", accountId))
                    .as("values sealed with a key this node does not have are left alone").isEqualTo(othersSealedBefore);
        }

        // the old key is gone from the settings: what it sealed was re-sealed, so everything still opens
        try (ConfigurableApplicationContext withoutOldKey = ExtraNode.start("rotation-done",
                "--outboundcalls.encryption-key=" + newKey, "--outboundcalls.encryption-key-version=2",
                "--outboundcalls.webhooks.allow-private-networks=true")) {
            assertThat(withoutOldKey.getBean(StoredSecrets.class).open(endpointId, storedSecret(endpointId))).isEqualTo(secret);
        }
    }

    private String storedSecret(String endpointId) {
        return jdbc.queryForObject("select secret from webhooks.endpoints where id = ?", String.class, endpointId);
    }

    private long valuesOfOtherAccountsSealedWith(String prefix, String accountId) {
        return jdbc.queryForObject("select count(*) from webhooks.endpoints where account_id <> ? and left(secret, 3) = ?",
                Long.class, accountId, prefix);
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
