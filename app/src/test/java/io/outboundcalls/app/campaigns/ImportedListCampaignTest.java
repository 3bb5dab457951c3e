package io.outboundcalls.app.campaigns;

import static io.outboundcalls.app.campaigns.CampaignFixtures.agent;
import static io.outboundcalls.app.campaigns.CampaignFixtures.buyCredits;
import static io.outboundcalls.app.campaigns.CampaignFixtures.callEvents;
import static io.outboundcalls.app.campaigns.CampaignFixtures.campaignBody;
import static io.outboundcalls.app.campaigns.CampaignFixtures.create;
import static io.outboundcalls.app.campaigns.CampaignFixtures.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.outboundcalls.app.support.ApiClient;
import io.outboundcalls.app.support.ApiTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The dialer learns an import's contacts and memberships from the import's own transactions
 * (batched per unit of work): a campaign started right after the import calls each contact once.
 */
class ImportedListCampaignTest extends ApiTest {

    @Test
    void aCampaignStartedRightAfterAnImportCallsEveryImportedContactOnce() {
        ApiClient api = newAccount();
        buyCredits(api, 100_000);
        String agentId = agent(api, 60);
        String listId = list(api);
        List<Map<String, Object>> contacts = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            contacts.add(Map.of("phone_number", "+44 20 79" + String.format("%02d", i) + " 0010", "first_name", "Imported" + i));
        }
        ApiClient.Response accepted = api.post("/v1/contacts/import", Map.of("list_id", listId, "contacts", contacts));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        String importId = accepted.json().path("id").asText();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(api.get("/v1/contacts/imports/" + importId).json().path("status").asText()).isEqualTo("completed"));

        String id = create(api, campaignBody(agentId, listId, "00:00", "23:59", 10, 1, 1)).path("id").asText();
        ApiClient.Response started = api.post("/v1/campaigns/" + id + "/start", null);
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(api.get("/v1/campaigns/" + id).json().path("status").asText()).isEqualTo("completed"));

        var placed = callEvents(id).stream().filter(e -> e.type().equals("CallPlacedEvent")).toList();
        assertThat(placed).hasSize(25);
        JsonNode stats = api.get("/v1/campaigns/" + id).json().path("stats");
        assertThat(stats.path("total_contacts").asInt()).isEqualTo(25);
    }
}
