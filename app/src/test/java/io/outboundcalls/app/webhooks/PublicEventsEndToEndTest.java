package io.outboundcalls.app.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.outboundcalls.app.support.ApiClient;
import io.outboundcalls.app.support.ApiTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A new user's path: register an endpoint for every event, run a campaign, and receive the six
 * public events with the API objects as data (byte for byte what GET answers), each once per
 * webhook-id.
 */
class PublicEventsEndToEndTest extends ApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static WireMockServer receiver;

    @BeforeAll
    static void startReceiver() {
        receiver = new WireMockServer(options().dynamicPort());
        receiver.start();
        receiver.stubFor(post(urlEqualTo("/events")).willReturn(aResponse().withStatus(204)));
        receiver.stubFor(post(urlEqualTo("/balance")).willReturn(aResponse().withStatus(204)));
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop();
    }

    @Test
    void aCampaignProducesEverySixPublicEventTypeWithTheApiObjects() throws Exception {
        ApiClient api = newAccount();
        ApiClient.Response endpoint = api.post("/v1/webhook_endpoints", Map.of(
                "url", "http://localhost:" + receiver.port() + "/events", "enabled_events", List.of("*")));
        assertThat(endpoint.status()).as(endpoint.toString()).isEqualTo(201);
        assertThat(api.post("/v1/credits/purchase", Map.of("amount", 1000)).status()).isEqualTo(201);
        assertThat(api.patch("/v1/credits/settings", Map.of("low_balance_threshold", 995)).status()).isEqualTo(200);

        String agentId = api.post("/v1/agents", Map.of("name", "Ava", "prompt", "Help {{first_name}}.",
                "first_message", "Hi {{first_name}}!", "max_duration_seconds", 60)).json().path("id").asText();
        String listId = api.post("/v1/contact_lists", Map.of("name", "Webhooks")).json().path("id").asText();
        Map<String, String> phones = Map.of("+44 20 7946 0010", "Talker", "+44 20 7946 0004", "Unreachable",
                "+44 20 7946 0005", "OptOut");
        phones.forEach((phone, name) -> assertThat(api.post("/v1/contacts",
                Map.of("phone_number", phone, "first_name", name, "list_ids", List.of(listId))).status()).isEqualTo(201));
        Map<String, Object> campaign = new LinkedHashMap<>();
        campaign.put("name", "Webhooks");
        campaign.put("agent_id", agentId);
        campaign.put("contact_list_id", listId);
        campaign.put("schedule", Map.of("start_date", "2026-01-01",
                "calling_hours", Map.of("start", "00:00", "end", "23:59"), "timezone", "Europe/London"));
        campaign.put("retry_rules", Map.of("max_attempts", 1, "delay_minutes", 1));
        campaign.put("concurrent_calls", 3);
        String campaignId = api.post("/v1/campaigns", campaign).json().path("id").asText();
        assertThat(api.post("/v1/campaigns/" + campaignId + "/start", null).status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            Map<String, List<JsonNode>> byType = received();
            assertThat(byType.getOrDefault("campaign.completed", List.of())).hasSize(1);
            assertThat(byType.getOrDefault("call.completed", List.of())).hasSize(2);
            assertThat(byType.getOrDefault("call.failed", List.of())).hasSize(1);
            // a crossing each time the available credits go below the threshold: a released reservation (the
            // failed call) can lift them back to it before the next call reserves, which is a second crossing
            assertThat(byType.getOrDefault("credits.low", List.of())).isNotEmpty();
            assertThat(byType.getOrDefault("call.started", List.of())).hasSize(2);
            assertThat(byType.getOrDefault("contact.updated", List.of())).hasSizeGreaterThanOrEqualTo(3);
        });

        Map<String, List<JsonNode>> byType = received();
        JsonNode completed = byType.get("campaign.completed").get(0).path("data");
        assertThat(completed.path("id").asText()).isEqualTo(campaignId);
        assertThat(completed.path("object").asText()).isEqualTo("campaign");
        assertThat(completed.path("status").asText()).isEqualTo("completed");
        assertThat(completed.path("stats").path("completed").asInt()).isEqualTo(3);

        for (JsonNode event : byType.get("call.completed")) {
            JsonNode call = event.path("data");
            assertThat(call.path("object").asText()).isEqualTo("call");
            assertThat(call.path("campaign_id").asText()).isEqualTo(campaignId);
            assertThat(call.path("outcome").asText()).isIn("completed", "opted_out");
            assertThat(call.path("transcript").path("turns").size()).isGreaterThan(0);
            assertThat(call.path("transcript").path("text").asText()).contains("agent:");
        }
        JsonNode failed = byType.get("call.failed").get(0).path("data");
        assertThat(failed.path("status").asText()).isEqualTo("failed");
        assertThat(failed.path("to").asText()).isEqualTo("+442079460004");

        List<String> statuses = byType.get("contact.updated").stream()
                .map(e -> e.path("data").path("status").asText()).toList();
        assertThat(statuses).contains("opted_out");
        assertThat(byType.get("contact.updated").get(0).path("data").path("phone_number").asText()).startsWith("+44");

        for (JsonNode event : byType.get("credits.low")) {
            JsonNode low = event.path("data");
            assertThat(low.path("object").asText()).isEqualTo("balance");
            assertThat(low.path("available").asLong()).isLessThan(995);
            assertThat(low.path("low_balance_threshold").asLong()).isEqualTo(995);
        }

        // the data is the API object: byte for byte what GET answers for it (same fields, order and values)
        assertSameAsGet(api, "/v1/campaigns/" + campaignId, completed);
        for (JsonNode event : byType.get("call.completed")) {
            ObjectNode call = event.path("data").deepCopy();
            JsonNode transcript = call.remove("transcript");
            assertSameAsGet(api, "/v1/calls/" + call.path("id").asText(), call);
            assertSameAsGet(api, "/v1/calls/" + call.path("id").asText() + "/transcript", transcript);
        }
        assertSameAsGet(api, "/v1/calls/" + failed.path("id").asText(), failed);
        // a contact's last status change may be published after the campaign's end: its latest webhook is the contact
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, JsonNode> latest = new LinkedHashMap<>();
            for (JsonNode event : received().getOrDefault("contact.updated", List.of())) {
                JsonNode data = event.path("data");
                latest.merge(data.path("id").asText(), data, (a, b) -> updatedAt(b).isAfter(updatedAt(a)) ? b : a);
            }
            assertThat(latest).hasSize(3);
            latest.forEach((id, contact) -> assertSameAsGet(api, "/v1/contacts/" + id, contact));
        });
    }

    @Test
    void creditsLowCarriesTheBalanceObjectAsGetShowsIt() throws Exception {
        ApiClient api = newAccount();
        assertThat(api.post("/v1/webhook_endpoints", Map.of("url", "http://localhost:" + receiver.port() + "/balance",
                "enabled_events", List.of("credits.low"))).status()).isEqualTo(201);
        assertThat(api.post("/v1/credits/purchase", Map.of("amount", 700)).status()).isEqualTo(201);
        // raising the threshold above what is available is a crossing
        assertThat(api.patch("/v1/credits/settings", Map.of("low_balance_threshold", 900)).status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> received("/balance").containsKey("credits.low"));
        List<JsonNode> low = received("/balance").get("credits.low");
        assertThat(low).hasSize(1);
        assertThat(low.get(0).path("data").path("available").asLong()).isEqualTo(700);
        assertSameAsGet(api, "/v1/credits/balance", low.get(0).path("data"));
    }

    private static void assertSameAsGet(ApiClient api, String path, JsonNode delivered) {
        ApiClient.Response get = api.get(path);
        assertThat(get.status()).as(get.toString()).isEqualTo(200);
        try {
            assertThat(JSON.writeValueAsString(delivered)).as("webhook data vs GET " + path).isEqualTo(get.rawBody());
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    private static Instant updatedAt(JsonNode contact) {
        return Instant.parse(contact.path("updated_at").asText());
    }

    /** Every event delivered to /events, by type; asserts each webhook-id arrived once (the receiver always answers 204). */
    private static Map<String, List<JsonNode>> received() throws Exception {
        return received("/events");
    }

    private static Map<String, List<JsonNode>> received(String path) throws Exception {
        Map<String, List<JsonNode>> byType = new LinkedHashMap<>();
        Set<String> ids = new HashSet<>();
        List<LoggedRequest> requests = receiver.findAll(postRequestedFor(urlEqualTo(path)));
        for (LoggedRequest request : requests) {
            JsonNode event = JSON.readTree(request.getBodyAsString());
            assertThat(ids.add(request.getHeader("webhook-id"))).as("duplicate webhook-id").isTrue();
            assertThat(event.path("id").asText()).isEqualTo(request.getHeader("webhook-id"));
            byType.computeIfAbsent(event.path("type").asText(), t -> new ArrayList<>()).add(event);
        }
        return byType;
    }
}
