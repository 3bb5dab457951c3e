package io.outboundcalls.app.console;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.outboundcalls.app.support.ApiClient;
import io.outboundcalls.app.support.ApiTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A member's first visit in a real browser: the set-password link, sign-in, Settings > API Keys
 * (the secret shown once works against the API, the revoked key gets 401), Settings > Webhooks
 * (an endpoint added, a delivery resent), sign-out.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleSettingsBrowserTest extends ApiTest {

    private static final String PASSWORD = "correct horse battery";

    private Browser browser;
    private ConsoleAccounts account;
    private WireMockServer receiver;

    @BeforeAll
    void open() {
        browser = Browser.open(baseUrl());
        account = ConsoleAccounts.create(admin(), baseUrl());
        receiver = new WireMockServer(options().dynamicPort());
        receiver.start();
        receiver.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(204)));
    }

    @AfterAll
    void close() {
        if (browser != null) {
            browser.close();
        }
        if (receiver != null) {
            receiver.stop();
        }
    }

    @Test
    @Order(1)
    void theSetPasswordLinkThenSignInLeadToTheOverview() {
        browser.go("/console");
        assertThat(browser.path()).isEqualTo("/console/sign-in");
        browser.screenshot("sign-in");

        browser.go(account.setPasswordPath()).type(By.id("password"), "short").click(By.cssSelector("main button[type=submit]"));
        // the browser's own minlength check keeps the form; the server's rule is the same
        assertThat(browser.path()).isEqualTo("/console/set-password");
        browser.type(By.id("password"), PASSWORD).click(By.cssSelector("main button[type=submit]"));
        browser.find(By.cssSelector(".notice"));
        assertThat(browser.path()).isEqualTo("/console/sign-in");

        browser.type(By.id("email"), account.email()).type(By.id("password"), PASSWORD).click(By.id("sign-in"));
        browser.find(By.id("balance-available"));
        assertThat(browser.path()).isEqualTo("/console");
        assertThat(browser.driver.findElement(By.cssSelector(".who")).getText()).isEqualTo(account.email());
        browser.screenshot("overview");
    }

    @Test
    @Order(2)
    void anApiKeyCreatedInTheConsoleWorksUntilItIsRevoked() {
        browser.go("/console/settings/api-keys").type(By.id("key-name"), "ci server").click(By.id("create-key"));
        String secret = browser.find(By.id("new-secret")).getText();
        assertThat(secret).startsWith("sk_live_");
        browser.screenshot("api-keys");
        ApiClient key = new ApiClient(baseUrl(), secret);
        assertThat(key.get("/v1/agents").status()).isEqualTo(200);

        browser.go("/console/settings/api-keys");
        assertThat(browser.driver.findElements(By.id("new-secret"))).as("the secret is shown once").isEmpty();
        WebElement row = browser.find(By.xpath("//table[@id='api-keys']//tr[td[1][text()='ci server']]"));
        browser.clickAndConfirm(By.xpath("//table[@id='api-keys']//tr[td[1][text()='ci server']]//button"));
        browser.find(By.cssSelector(".notice"));
        assertThat(row).isNotNull();
        assertThat(browser.driver.findElements(By.xpath("//table[@id='api-keys']//td[text()='ci server']"))).isEmpty();
        assertThat(key.get("/v1/agents").status()).isEqualTo(401);
    }

    @Test
    @Order(3)
    void aWebhookEndpointAddedInTheConsoleReceivesEventsAndADeliveryIsResent() {
        browser.go("/console/settings/webhooks").type(By.id("url"), "not a url").click(By.id("add-endpoint-button"));
        // type=url makes the browser refuse it first: send one the browser accepts and the API refuses
        browser.type(By.id("url"), "http://").click(By.id("add-endpoint-button"));
        browser.type(By.id("url"), "http://localhost:" + receiver.port() + "/hook")
                .type(By.id("description"), "Receiver in the test").click(By.id("add-endpoint-button"));
        assertThat(browser.find(By.id("signing-secret")).getText()).startsWith("whsec_");
        String endpointId = browser.find(By.id("endpoint-id")).getText();
        String endpointPath = "/console/settings/webhooks/" + endpointId;

        runOneCall(account.api());
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(
                account.api().get("/v1/webhook_endpoints/" + endpointId + "/deliveries").json().path("data")).isNotEmpty());
        browser.go(endpointPath).find(By.cssSelector("#deliveries button.resend"));
        browser.screenshot("webhooks");
        int before = receiver.findAll(postRequestedFor(urlEqualTo("/hook"))).size();
        browser.click(By.cssSelector("#deliveries button.resend"));
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "queued to be sent again"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(receiver.findAll(postRequestedFor(urlEqualTo("/hook"))).size()).isGreaterThan(before));
    }

    @Test
    @Order(4)
    void signingOutEndsTheSession() {
        browser.go("/console").click(By.id("sign-out"));
        browser.find(By.cssSelector(".notice"));
        assertThat(browser.path()).isEqualTo("/console/sign-in");
        browser.go("/console/settings/api-keys");
        assertThat(browser.path()).isEqualTo("/console/sign-in");
    }

    /** One answered call through the API, so the endpoint has deliveries. */
    static void runOneCall(ApiClient api) {
        assertThat(api.post("/v1/credits/purchase", Map.of("amount", 1000)).status()).isEqualTo(201);
        String agentId = api.post("/v1/agents", Map.of("name", "Ava", "prompt", "Help {{first_name}}.",
                "first_message", "Hi {{first_name}}!", "max_duration_seconds", 60)).json().path("id").asText();
        String listId = api.post("/v1/contact_lists", Map.of("name", "Webhooks")).json().path("id").asText();
        assertThat(api.post("/v1/contacts", Map.of("phone_number", "+44 20 7946 0010", "first_name", "Talker",
                "list_ids", List.of(listId))).status()).isEqualTo(201);
        Map<String, Object> campaign = Map.of("name", "Webhooks", "agent_id", agentId, "contact_list_id", listId,
                "schedule", Map.of("start_date", "2026-01-01", "calling_hours", Map.of("start", "00:00", "end", "23:59"),
                        "timezone", "Europe/London"),
                "retry_rules", Map.of("max_attempts", 1, "delay_minutes", 1), "concurrent_calls", 1);
        String campaignId = api.post("/v1/campaigns", campaign).json().path("id").asText();
        assertThat(api.post("/v1/campaigns/" + campaignId + "/start", null).status()).isEqualTo(200);
    }
}
