package io.outboundcalls.app.console;

import io.outboundcalls.app.support.ApiClient;
import io.outboundcalls.app.support.ApiTest;
import io.outboundcalls.console.member.Members;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's session chain: sign-in, CSRF, cookies, the lock, and one account's view only. */
class ConsoleSecurityTest extends ApiTest {

    private static final String PASSWORD = "a long enough password";

    @Autowired
    private Members members;

    private ConsoleAccounts member() {
        ConsoleAccounts account = ConsoleAccounts.create(admin(), baseUrl());
        members.setPassword(account.token(), PASSWORD);
        return account;
    }

    private ConsoleHttp signedIn(ConsoleAccounts account) {
        ConsoleHttp http = new ConsoleHttp(baseUrl());
        HttpResponse<String> signIn = http.signIn(account.email(), PASSWORD);
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location").orElseThrow()).endsWith("/console");
        return http;
    }

    @Test
    void noPageAndNoStreamWithoutASession() {
        ConsoleHttp http = new ConsoleHttp(baseUrl());
        for (String page : new String[]{"/console", "/console/settings/api-keys", "/console/settings/webhooks",
                "/console/settings/profile",
                "/console/agents", "/console/campaigns", "/console/calls/call_x"}) {
            HttpResponse<String> response = http.get(page);
            assertThat(response.statusCode()).as(page).isEqualTo(302);
            assertThat(response.headers().firstValue("Location").orElseThrow()).as(page).endsWith("/console/sign-in");
        }
        assertThat(http.get("/console/campaigns/camp_x/stream", "Accept", "text/event-stream").statusCode()).isEqualTo(401);
        assertThat(http.get("/console/settings/api-keys", "HX-Request", "true").statusCode()).isEqualTo(401);
        assertThat(http.get("/console/sign-in").statusCode()).isEqualTo(200);
    }

    @Test
    void theSessionCookieIsSecureHttpOnlySameSiteAndOnlyForTheConsole() {
        ConsoleAccounts account = member();
        ConsoleHttp http = new ConsoleHttp(baseUrl());
        HttpResponse<String> signIn = http.signIn(account.email(), PASSWORD);
        String cookie = signIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("console_session="))
                .findFirst().orElseThrow();
        assertThat(cookie).contains("Secure").contains("HttpOnly").contains("SameSite=Lax").contains("Path=/console");
        assertThat(http.get("/console").statusCode()).isEqualTo(200);
    }

    @Test
    void aFormPostWithoutTheCsrfTokenIsRefused() {
        ConsoleAccounts account = member();
        ConsoleHttp http = signedIn(account);
        assertThat(http.postForm("/console/settings/api-keys", Map.of("name", "no token")).statusCode()).isEqualTo(403);
        assertThat(account.api().get("/v1/api_keys").json().path("data").findValuesAsText("name")).doesNotContain("no token");

        String token = http.csrf("/console/settings/api-keys");
        HttpResponse<String> created = http.postForm("/console/settings/api-keys", Map.of("name", "with token", "_csrf", token));
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(account.api().get("/v1/api_keys").json().path("data").findValuesAsText("name")).contains("with token");
        assertThat(new ConsoleHttp(baseUrl()).postForm("/console/sign-in",
                Map.of("email", account.email(), "password", PASSWORD)).statusCode()).as("sign-in without a token").isEqualTo(403);
    }

    @Test
    void anotherAccountsIdsAre404() {
        ConsoleAccounts mine = member();
        ConsoleAccounts theirs = ConsoleAccounts.create(admin(), baseUrl());
        // the tests allow private networks: a local URL needs no DNS
        ApiClient.Response endpoint = theirs.api().post("/v1/webhook_endpoints", Map.of("url", "http://localhost:9/hook",
                "enabled_events", java.util.List.of("*")));
        assertThat(endpoint.status()).as(endpoint.toString()).isEqualTo(201);
        String endpointId = endpoint.json().path("id").asText();
        String agentId = theirs.api().post("/v1/agents", Map.of("name", "Theirs", "prompt", "Hello"))
                .json().path("id").asText();
        ConsoleHttp http = signedIn(mine);
        assertThat(http.get("/console/settings/webhooks/" + endpointId).statusCode()).isEqualTo(404);
        assertThat(http.get("/console/agents/" + agentId).statusCode()).isEqualTo(404);
        assertThat(http.get("/console/campaigns/camp_0000000000000000000000000/stream").statusCode()).isEqualTo(404);
        String token = http.csrf("/console/settings/api-keys");
        HttpResponse<String> deleted = http.postForm("/console/settings/webhooks/" + endpointId + "/delete", Map.of("_csrf", token));
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(404);
        assertThat(theirs.api().get("/v1/webhook_endpoints/" + endpointId).status()).isEqualTo(200);
    }

    @Test
    void fiveFailedSignInsInAMinuteLockTheMemberEvenWithTheRightPassword() {
        ConsoleAccounts account = member();
        ConsoleHttp http = new ConsoleHttp(baseUrl());
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> wrong = http.signIn(account.email(), "wrong password " + i);
            assertThat(wrong.headers().firstValue("Location").orElseThrow()).endsWith("/console/sign-in?error");
        }
        HttpResponse<String> locked = http.signIn(account.email(), PASSWORD);
        assertThat(locked.headers().firstValue("Location").orElseThrow()).endsWith("/console/sign-in?locked");
        assertThat(http.get("/console").statusCode()).isEqualTo(302);
    }

    @Test
    void theOperatorApiAddsMembersWithAOneTimeLink() {
        ConsoleAccounts account = ConsoleAccounts.create(admin(), baseUrl());
        assertThat(account.memberId()).startsWith("mem_");
        assertThat(admin().post("/admin/accounts/" + account.accountId() + "/members", Map.of("email", account.email()))
                .status()).as("the email is taken").isEqualTo(409);
        assertThat(admin().post("/admin/accounts/" + account.accountId() + "/members", Map.of("email", "nope"))
                .json().path("code").asText()).isEqualTo("invalid_email");
        assertThat(admin().post("/admin/accounts/acct_missing/members", Map.of("email", "x@example.com")).status())
                .isEqualTo(404);
        assertThat(anonymous().post("/admin/accounts/" + account.accountId() + "/members", Map.of("email", "y@example.com"))
                .status()).isEqualTo(401);

        members.setPassword(account.token(), PASSWORD);
        ConsoleHttp http = new ConsoleHttp(baseUrl());
        String token = http.csrf("/console/sign-in");
        assertThat(http.get(account.setPasswordPath()).body()).contains("already used or expired");
        assertThat(http.postForm("/console/set-password", Map.of("token", account.token(), "password", "another password!",
                "_csrf", token)).statusCode()).as("a used link").isEqualTo(422);
        signedIn(account);
    }
}
