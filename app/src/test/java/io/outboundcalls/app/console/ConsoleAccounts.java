package io.outboundcalls.app.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.outboundcalls.app.support.ApiClient;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** An account with an API key and a console member invited by the operator API. */
record ConsoleAccounts(String accountId, ApiClient api, String memberId, String email, String setPasswordPath) {

    static ConsoleAccounts create(ApiClient admin, String baseUrl) {
        ApiClient.Response account = admin.post("/admin/accounts", Map.of("name", "Console test", "tier", "enterprise",
                // the pages' campaigns call around the clock, as the tests run at any hour
                "legal_calling_window", Map.of("start", "00:00", "end", "23:59")));
        assertThat(account.status()).as(account.toString()).isEqualTo(201);
        String accountId = account.json().path("id").asText();
        String email = "member-" + UUID.randomUUID() + "@example.com";
        ApiClient.Response member = admin.post("/admin/accounts/" + accountId + "/members", Map.of("email", email));
        assertThat(member.status()).as(member.toString()).isEqualTo(201);
        JsonNode body = member.json();
        URI link = URI.create(body.path("set_password_url").asText());
        return new ConsoleAccounts(accountId, new ApiClient(baseUrl, account.json().path("api_key").path("secret").asText()),
                body.path("id").asText(), email, link.getRawPath() + "?" + link.getRawQuery());
    }

    String token() {
        return setPasswordPath.substring(setPasswordPath.indexOf("token=") + "token=".length());
    }
}
