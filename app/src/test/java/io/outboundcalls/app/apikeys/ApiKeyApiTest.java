package io.outboundcalls.app.apikeys;

import com.fasterxml.jackson.databind.JsonNode;
import io.outboundcalls.app.support.ApiClient;
import io.outboundcalls.app.support.ApiTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeyApiTest extends ApiTest {

    @Test
    void createsAKeyShownOnceThenListedWithoutItsSecret() {
        ApiClient api = newAccount();
        ApiClient.Response created = api.post("/v1/api_keys", Map.of("name", "CI"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode key = created.json();
        String secret = key.path("secret").asText();
        assertThat(key.path("id").asText()).startsWith("key_");
        assertThat(key.path("object").asText()).isEqualTo("api_key");
        assertThat(secret).startsWith("sk_live_").hasSize(51);
        assertThat(key.path("prefix").asText()).isEqualTo(secret.substring(0, 12));
        assertThat(key.path("last4").asText()).isEqualTo(secret.substring(47));

        JsonNode list = api.get("/v1/api_keys").json();
        assertThat(list.path("data")).hasSize(2);
        assertThat(list.toString()).doesNotContain(secret).doesNotContain("\"secret\"");
        JsonNode listed = list.path("data").get(0);
        assertThat(listed.path("id").asText()).isEqualTo(key.path("id").asText());
        assertThat(listed.path("name").asText()).isEqualTo("CI");
        assertThat(listed.has("last_used_at")).isTrue();

        ApiClient withNewKey = new ApiClient(baseUrl(), secret);
        assertThat(withNewKey.get("/v1/agents").status()).isEqualTo(200);
        JsonNode used = api.get("/v1/api_keys").json().path("data").get(0);
        assertThat(used.path("last_used_at").isNull()).isFalse();
    }

    @Test
    void aRevokedKeyFailsOnTheVeryNextRequest() {
        ApiClient api = newAccount();
        JsonNode key = api.post("/v1/api_keys", Map.of("name", "temp")).json();
        ApiClient temp = new ApiClient(baseUrl(), key.path("secret").asText());
        assertThat(temp.get("/v1/agents").status()).isEqualTo(200);

        ApiClient.Response revoked = api.delete("/v1/api_keys/" + key.path("id").asText());
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().path("deleted").asBoolean()).isTrue();

        ApiClient.Response refused = temp.get("/v1/agents");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().path("code").asText()).isEqualTo("invalid_api_key");
        assertThat(api.get("/v1/api_keys").json().path("data")).hasSize(1);
        assertThat(api.delete("/v1/api_keys/" + key.path("id").asText()).status()).isEqualTo(404);
    }

    @Test
    void cannotRevokeAnotherAccountsKey() {
        ApiClient owner = newAccount();
        ApiClient stranger = newAccount();
        String keyId = owner.post("/v1/api_keys", Map.of("name", "mine")).json().path("id").asText();
        assertThat(stranger.delete("/v1/api_keys/" + keyId).status()).isEqualTo(404);
        assertThat(owner.get("/v1/api_keys").json().path("data")).hasSize(2);
    }

    @Test
    void refusesMissingMalformedAndUnknownKeys() {
        ApiClient.Response missing = anonymous().get("/v1/agents");
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
        assertThat(missing.json().path("code").asText()).isEqualTo("missing_api_key");

        ApiClient.Response malformed = new ApiClient(baseUrl(), "not-a-key").get("/v1/agents");
        assertThat(malformed.status()).isEqualTo(401);
        assertThat(malformed.json().path("code").asText()).isEqualTo("invalid_api_key");

        ApiClient.Response basic = anonymous().send("GET", "/v1/agents", null, Map.of("Authorization", "Basic abc"));
        assertThat(basic.status()).isEqualTo(401);

        ApiClient.Response unknown = new ApiClient(baseUrl(), "sk_live_" + "A".repeat(43)).get("/v1/agents");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(unknown.json().path("request_id").asText()).startsWith("req_");
    }
}
