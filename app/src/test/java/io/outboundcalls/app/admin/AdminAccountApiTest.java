package io.outboundcalls.app.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.outboundcalls.app.support.ApiClient;
import io.outboundcalls.app.support.ApiTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AdminAccountApiTest extends ApiTest {

    @Test
    void createsAnAccountWithItsFirstKeyAndChangesItsTier() {
        ApiClient.Response created = admin().post("/admin/accounts", Map.of("name", "Acme", "tier", "professional"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode account = created.json();
        String id = account.path("id").asText();
        assertThat(id).startsWith("acct_");
        assertThat(account.path("object").asText()).isEqualTo("account");
        assertThat(account.path("tier").asText()).isEqualTo("professional");
        assertThat(account.path("api_key").path("secret").asText()).startsWith("sk_live_");

        ApiClient customer = new ApiClient(baseUrl(), account.path("api_key").path("secret").asText());
        assertThat(customer.get("/v1/agents").status()).isEqualTo(200);

        ApiClient.Response patched = admin().patch("/admin/accounts/" + id,
                Map.of("tier", "enterprise", "limits", Map.of("requests_per_minute", 10_000, "concurrent_calls", 300)));
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.json().path("tier").asText()).isEqualTo("enterprise");
        assertThat(patched.json().path("limits").path("concurrent_calls").asInt()).isEqualTo(300);
        assertThat(patched.json().has("api_key")).isFalse();
        assertThat(admin().get("/admin/accounts/" + id).json().path("tier").asText()).isEqualTo("enterprise");
    }

    @Test
    void validatesAccountRequests() {
        ApiClient.Response invalid = admin().post("/admin/accounts", Map.of("tier", "gold"));
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.json().path("errors").toString()).contains("\"name\"").contains("\"tier\"");
        assertThat(admin().patch("/admin/accounts/acct_01M8CXHH6P40H8RX42C6WPZ836", Map.of("tier", "standard")).status())
                .isEqualTo(404);
        assertThat(admin().get("/admin/accounts/nope").status()).isEqualTo(404);
    }

    @Test
    void refusesAWrongOperatorTokenAndCustomerKeys() {
        assertThat(new ApiClient(baseUrl(), "wrong").get("/admin/accounts/x").status()).isEqualTo(401);
        assertThat(anonymous().post("/admin/accounts", Map.of("name", "x")).status()).isEqualTo(401);
        ApiClient customer = newAccount();
        assertThat(customer.post("/admin/accounts", Map.of("name", "x")).status()).isEqualTo(401);
    }
}
