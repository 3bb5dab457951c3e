package io.outboundcalls.app.metrics;

import io.outboundcalls.app.support.ApiClient;
import io.outboundcalls.app.support.ApiTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Prometheus scrapes /admin/metrics with the operator token and finds every series docs/operations.md lists. */
class OperatorMetricsApiTest extends ApiTest {

    @Test
    void theOperatorTokenIsRequired() {
        assertThat(anonymous().get("/admin/metrics").status()).isEqualTo(401);
        assertThat(new ApiClient(baseUrl(), "wrong-token-of-at-least-32-characters-long").get("/admin/metrics").status())
                .isEqualTo(401);
        assertThat(newAccount().get("/admin/metrics").status()).isEqualTo(401);
        assertThat(anonymous().get("/metrics").status()).isEqualTo(404);
        assertThat(anonymous().get("/prometheus").status()).isEqualTo(404);
    }

    @Test
    void exposesLatencyProjectionLagDialerCallsWebhooksAndImports() {
        ApiClient api = newAccount();
        assertThat(api.get("/v1/agents").status()).isEqualTo(200);
        // nothing listens there: deliveries stay pending (the backlog) and fail
        assertThat(api.post("/v1/webhook_endpoints", Map.of("url", "http://127.0.0.1:9/hooks",
                "enabled_events", List.of("*"))).status()).isEqualTo(201);
        String campaignId = runningCampaign(api);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            ApiClient.Response scrape = admin().get("/admin/metrics");
            assertThat(scrape.status()).isEqualTo(200);
            assertThat(scrape.header("Content-Type")).startsWith("text/plain");
            assertThat(scrape.rawBody())
                    .contains("http_server_requests_seconds_bucket{")
                    .containsPattern("http_server_requests_seconds_count\\{[^}]*status=\"200\"[^}]*uri=\"/v1/agents\"")
                    .containsPattern("outboundcalls_projection_lag_events\\{group=\"[A-Za-z_.-]+\"")
                    .contains("outboundcalls_projection_dead_letters{")
                    .containsPattern("outboundcalls_webhooks_endpoints\\{status=\"enabled\"}")
                    .containsPattern("outboundcalls_dialer_slots_in_use\\{campaign_id=\"" + campaignId + "\"}")
                    .contains("outboundcalls_dialer_slots_limit{campaign_id=\"" + campaignId + "\"} 2.0")
                    .containsPattern("outboundcalls_calls\\{outcome=\"[a-z_]+\",status=\"[a-z_]+\"}")
                    .containsPattern("outboundcalls_webhooks_deliveries\\{status=\"[a-z_]+\"}")
                    .contains("outboundcalls_contacts_imports_in_progress ");
        });
    }

    /** A started campaign calling one contact at any hour: busy (the simulator's 01), retried in an hour, so it stays running. */
    private static String runningCampaign(ApiClient api) {
        String agentId = created(api.post("/v1/agents", Map.of("name", "Ava", "prompt", "Be brief.", "max_duration_seconds", 60)));
        String listId = created(api.post("/v1/contact_lists", Map.of("name", "Metrics")));
        created(api.post("/v1/contacts", Map.of("phone_number", "+14155550101", "timezone", "Europe/London",
                "list_ids", List.of(listId))));
        created(api.post("/v1/credits/purchase", Map.of("amount", 10_000)));
        String campaignId = created(api.post("/v1/campaigns", Map.of("name", "Metrics", "agent_id", agentId,
                "contact_list_id", listId, "concurrent_calls", 2,
                "schedule", Map.of("calling_hours", Map.of("start", "00:00", "end", "23:59"), "timezone", "Europe/London"))));
        ApiClient.Response started = api.post("/v1/campaigns/" + campaignId + "/start", Map.of());
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        return campaignId;
    }

    private static String created(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().path("id").asText();
    }
}
