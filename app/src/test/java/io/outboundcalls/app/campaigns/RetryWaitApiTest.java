package io.outboundcalls.app.campaigns;

import com.fasterxml.jackson.databind.JsonNode;
import io.outboundcalls.app.support.ApiClient;
import io.outboundcalls.app.support.ApiTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.outboundcalls.app.campaigns.CampaignFixtures.agent;
import static io.outboundcalls.app.campaigns.CampaignFixtures.buyCredits;
import static io.outboundcalls.app.campaigns.CampaignFixtures.campaignBody;
import static io.outboundcalls.app.campaigns.CampaignFixtures.contact;
import static io.outboundcalls.app.campaigns.CampaignFixtures.create;
import static io.outboundcalls.app.campaigns.CampaignFixtures.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Waiting only for a retry delay, inside calling hours, is not "outside_calling_hours". */
class RetryWaitApiTest extends ApiTest {

    @Test
    void aCampaignWaitingForARetryDelayInsideCallingHoursShowsNoCallingHoursReason() {
        ApiClient api = newAccount();
        buyCredits(api, 10_000);
        String agentId = agent(api, 60);
        String listId = list(api);
        contact(api, listId, "+44 20 7946 1101", "Busy", null); // busy: retried after the delay
        String id = create(api, campaignBody(agentId, listId, "00:00", "23:59", 1, 2, 60)).path("id").asText();
        assertThat(api.post("/v1/campaigns/" + id + "/start", null).status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(api.get("/v1/campaigns/" + id).json().path("stats").path("attempts").asInt()).isEqualTo(1));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode campaign = api.get("/v1/campaigns/" + id).json();
            assertThat(campaign.path("status").asText()).isEqualTo("running");
            assertThat(campaign.path("waiting_reason").asText("")).isNotEqualTo("outside_calling_hours");
        });
    }
}
