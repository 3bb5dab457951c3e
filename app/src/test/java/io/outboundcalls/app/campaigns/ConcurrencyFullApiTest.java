package io.outboundcalls.app.campaigns;

import static io.outboundcalls.app.campaigns.CampaignFixtures.agent;
import static io.outboundcalls.app.campaigns.CampaignFixtures.buyCredits;
import static io.outboundcalls.app.campaigns.CampaignFixtures.campaignBody;
import static io.outboundcalls.app.campaigns.CampaignFixtures.contact;
import static io.outboundcalls.app.campaigns.CampaignFixtures.countOf;
import static io.outboundcalls.app.campaigns.CampaignFixtures.create;
import static io.outboundcalls.app.campaigns.CampaignFixtures.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.outboundcalls.app.support.ApiClient;
import io.outboundcalls.app.support.ApiTest;
import io.outboundcalls.events.campaign.CampaignWaitingEndedEvent;
import io.outboundcalls.events.campaign.CampaignWaitingEvent;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Four calls of an hour each (3.6 s at the test speed), two at a time: while the first two talk,
 * two contacts are due and every slot is taken, through three or four dialer sweeps. The campaign
 * shows {@code concurrency_full}, recorded as one waiting event when it starts and one when it ends.
 */
class ConcurrencyFullApiTest extends ApiTest {

    @Test
    void concurrencyFullIsOneWaitingEpisodeNotOneEventPerSweep() {
        ApiClient api = newAccount();
        buyCredits(api, 100_000);
        String listId = list(api);
        for (int i = 0; i < 4; i++) {
            contact(api, listId, "+44 20 7946 3" + i + "06", "Talker" + i, "Europe/London");
        }
        String id = create(api, campaignBody(agent(api, 3600), listId, "00:00", "23:59", 2, 1, 1)).path("id").asText();
        api.post("/v1/campaigns/" + id + "/start", null);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode campaign = api.get("/v1/campaigns/" + id).json();
            assertThat(campaign.path("waiting_reason").asText()).isEqualTo("concurrency_full");
            assertThat(campaign.path("stats").path("in_progress").asInt()).isEqualTo(2);
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(api.get("/v1/campaigns/" + id).json().path("status").asText()).isEqualTo("completed"));

        assertThat(countOf(id, CampaignWaitingEvent.class.getName())).isEqualTo(1);
        assertThat(countOf(id, CampaignWaitingEndedEvent.class.getName())).isEqualTo(1);
        assertThat(api.get("/v1/calls?campaign_id=" + id).json().path("data")).hasSize(4);
    }
}
