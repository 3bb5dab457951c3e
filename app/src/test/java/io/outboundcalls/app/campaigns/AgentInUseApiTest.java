package io.outboundcalls.app.campaigns;

import io.outboundcalls.app.support.ApiClient;
import io.outboundcalls.app.support.ApiTest;
import org.junit.jupiter.api.Test;

import static io.outboundcalls.app.campaigns.CampaignFixtures.agent;
import static io.outboundcalls.app.campaigns.CampaignFixtures.buyCredits;
import static io.outboundcalls.app.campaigns.CampaignFixtures.campaignBody;
import static io.outboundcalls.app.campaigns.CampaignFixtures.contact;
import static io.outboundcalls.app.campaigns.CampaignFixtures.create;
import static io.outboundcalls.app.campaigns.CampaignFixtures.list;
import static org.assertj.core.api.Assertions.assertThat;

/** docs/api.md §3 (Agent): deleting an agent that a running or paused campaign uses is 409. */
class AgentInUseApiTest extends ApiTest {

    @Test
    void anAgentUsedByARunningOrPausedCampaignCannotBeDeletedUntilTheCampaignIsCancelled() {
        ApiClient api = newAccount();
        buyCredits(api, 10_000);
        String agentId = agent(api, 60);
        String listId = list(api);
        // outside any calling window for hours: the campaign runs but places no call
        contact(api, listId, "+44 20 7946 0010", "Ann", null);
        String campaignId = create(api, campaignBody(agentId, listId, "03:00", "03:01", 1, 1, 1)).path("id").asText();

        assertThat(api.post("/v1/campaigns/" + campaignId + "/start", null).status()).isEqualTo(200);
        ApiClient.Response refused = api.delete("/v1/agents/" + agentId);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().path("code").asText()).isEqualTo("agent_in_use");

        assertThat(api.post("/v1/campaigns/" + campaignId + "/pause", null).status()).isEqualTo(200);
        assertThat(api.delete("/v1/agents/" + agentId).status()).isEqualTo(409);

        assertThat(api.post("/v1/campaigns/" + campaignId + "/cancel", null).status()).isEqualTo(200);
        assertThat(api.delete("/v1/agents/" + agentId).status()).isEqualTo(200);
        assertThat(api.get("/v1/agents/" + agentId).status()).isEqualTo(404);
    }
}
