package io.outboundcalls.app.security;

import com.fasterxml.jackson.databind.JsonNode;
import io.outboundcalls.app.support.ApiClient;
import io.outboundcalls.app.support.ApiTest;
import io.outboundcalls.app.support.ExtraNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Principals are cached on every node (with a TTL far longer than these tests), and what the
 * registry changes still applies on the very next request on both nodes: the node that handled
 * the change drops it at once, the other as PostgreSQL delivers the registry's notification.
 */
class PrincipalCacheNodesTest extends ApiTest {

    private static ConfigurableApplicationContext nodeB;

    @Autowired
    private PrincipalCache principals;

    @BeforeAll
    static void startSecondNode() {
        nodeB = ExtraNode.start("principal-cache", "--outboundcalls.api-key-cache-ttl=10m");
    }

    @AfterAll
    static void stopSecondNode() {
        nodeB.close();
    }

    private void bothNodesListen() {
        await().atMost(Duration.ofSeconds(10)).until(() -> principals.isListening()
                && nodeB.getBean(PrincipalCache.class).isListening());
    }

    @Test
    void aKeyRevokedOnOneNodeIsRefusedOnTheNextRequestOnBoth() {
        bothNodesListen();
        ApiClient owner = newAccount();
        JsonNode key = owner.post("/v1/api_keys", Map.of("name", "cached")).json();
        String secret = key.path("secret").asText();
        ApiClient onA = new ApiClient(baseUrl(), secret);
        ApiClient onB = new ApiClient(ExtraNode.baseUrl(nodeB), secret);
        // both nodes now hold the key's principal
        assertThat(onA.get("/v1/agents").status()).isEqualTo(200);
        assertThat(onB.get("/v1/agents").status()).isEqualTo(200);
        assertThat(onA.get("/v1/agents").status()).isEqualTo(200);
        assertThat(onB.get("/v1/agents").status()).isEqualTo(200);

        assertThat(owner.delete("/v1/api_keys/" + key.path("id").asText()).status()).isEqualTo(200);

        ApiClient.Response refusedByB = onB.get("/v1/agents");
        ApiClient.Response refusedByA = onA.get("/v1/agents");
        assertThat(refusedByB.status()).as(refusedByB.toString()).isEqualTo(401);
        assertThat(refusedByB.json().path("code").asText()).isEqualTo("invalid_api_key");
        assertThat(refusedByA.status()).as(refusedByA.toString()).isEqualTo(401);
    }

    @Test
    void aKeyRevokedThroughTheOtherNodeIsRefusedHereOnTheNextRequest() {
        bothNodesListen();
        ApiClient owner = newAccount();
        ApiClient ownerOnB = new ApiClient(ExtraNode.baseUrl(nodeB), owner.token());
        JsonNode key = owner.post("/v1/api_keys", Map.of("name", "cached")).json();
        ApiClient onA = new ApiClient(baseUrl(), key.path("secret").asText());
        assertThat(onA.get("/v1/agents").status()).isEqualTo(200);

        assertThat(ownerOnB.delete("/v1/api_keys/" + key.path("id").asText()).status()).isEqualTo(200);

        assertThat(onA.get("/v1/agents").status()).isEqualTo(401);
    }

    @Test
    void aTierChangedOnOneNodeAppliesOnTheNextRequestOnBoth() {
        bothNodesListen();
        JsonNode account = admin().post("/admin/accounts", Map.of("name", "Cached tier", "tier", "enterprise")).json();
        String secret = account.path("api_key").path("secret").asText();
        ApiClient onA = new ApiClient(baseUrl(), secret);
        ApiClient onB = new ApiClient(ExtraNode.baseUrl(nodeB), secret);
        String unlimited = Integer.toString(Integer.MAX_VALUE);
        assertThat(onA.get("/v1/agents").header("X-RateLimit-Limit")).isEqualTo(unlimited);
        assertThat(onB.get("/v1/agents").header("X-RateLimit-Limit")).isEqualTo(unlimited);

        ApiClient.Response patched = admin().patch("/admin/accounts/" + account.path("id").asText(),
                Map.of("tier", "professional"));
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);

        assertThat(onB.get("/v1/agents").header("X-RateLimit-Limit")).isEqualTo("500");
        assertThat(onA.get("/v1/agents").header("X-RateLimit-Limit")).isEqualTo("500");
    }
}
