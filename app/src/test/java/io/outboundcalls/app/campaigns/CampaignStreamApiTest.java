package io.outboundcalls.app.campaigns;

import com.fasterxml.jackson.databind.JsonNode;
import io.outboundcalls.app.support.ApiClient;
import io.outboundcalls.app.support.ApiTest;
import io.outboundcalls.app.support.ExtraNode;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.Map;

import static io.outboundcalls.app.campaigns.CampaignFixtures.agent;
import static io.outboundcalls.app.campaigns.CampaignFixtures.buyCredits;
import static io.outboundcalls.app.campaigns.CampaignFixtures.campaignBody;
import static io.outboundcalls.app.campaigns.CampaignFixtures.contact;
import static io.outboundcalls.app.campaigns.CampaignFixtures.create;
import static io.outboundcalls.app.campaigns.CampaignFixtures.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code GET /v1/campaigns/:id/stream} (API.md §6 "Live stream"). */
class CampaignStreamApiTest extends ApiTest {

    private String secretOf(ApiClient api) {
        return api.token();
    }

    private String draftCampaign(ApiClient api, int contacts) {
        buyCredits(api, 100_000);
        String agentId = agent(api, 60);
        String listId = list(api);
        for (int i = 0; i < contacts; i++) {
            contact(api, listId, "+44 20 7946 " + String.format("%04d", 100 + i * 10), "Name" + i, null);
        }
        return create(api, campaignBody(agentId, listId, "00:00", "23:59", 2, 1, 1)).path("id").asText();
    }

    @Test
    void theStreamStartsWithTheCampaignAsGetReturnsItThenCallsAsTheyChangeSeenFromAnotherNode() throws Exception {
        ApiClient api = newAccount();
        String id = draftCampaign(api, 3);
        ConfigurableApplicationContext nodeB = ExtraNode.start("stream");
        try (EventStream stream = EventStream.open(ExtraNode.baseUrl(nodeB) + "/v1/campaigns/" + id + "/stream", secretOf(api))) {
            assertThat(stream.status).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> !stream.named("campaign").isEmpty());
            JsonNode first = stream.named("campaign").get(0).data();
            assertThat(first).isEqualTo(api.get("/v1/campaigns/" + id).json());

            assertThat(api.post("/v1/campaigns/" + id + "/start", null).status()).isEqualTo(200); // on this node
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(stream.named("campaign").stream().map(e -> e.data().path("status").asText()))
                        .contains("running", "completed");
                assertThat(stream.named("call").stream().map(e -> e.data().path("id").asText()).distinct()).hasSize(3);
            });
            JsonNode lastCall = stream.named("call").get(stream.named("call").size() - 1).data();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                    stream.named("call").stream().filter(e -> e.data().path("id").equals(lastCall.path("id")))
                            .reduce((a, b) -> b).orElseThrow().data())
                    .isEqualTo(api.get("/v1/calls/" + lastCall.path("id").asText()).json()));
            await().atMost(Duration.ofSeconds(20)).until(() -> stream.comments.contains("heartbeat"));
        } finally {
            nodeB.close();
        }
    }

    @Test
    void noStreamWithoutAKeyNorOfAnotherAccountsCampaign() throws Exception {
        ApiClient mine = newAccount();
        ApiClient theirs = newAccount();
        String id = draftCampaign(theirs, 1);
        try (EventStream anonymous = EventStream.open(baseUrl() + "/v1/campaigns/" + id + "/stream", null)) {
            assertThat(anonymous.status).isEqualTo(401);
        }
        try (EventStream other = EventStream.open(baseUrl() + "/v1/campaigns/" + id + "/stream", secretOf(mine))) {
            assertThat(other.status).isEqualTo(404);
        }
    }

    @Test
    void anOpenStreamHoldsOneOfTheAccountsConcurrentRequests() throws Exception {
        ApiClient.Response account = admin().post("/admin/accounts", Map.of("name", "One at a time", "tier", "standard",
                "limits", Map.of("concurrent_requests", 1), "legal_calling_window", WHOLE_DAY));
        ApiClient api = new ApiClient(baseUrl(), account.json().path("api_key").path("secret").asText());
        String id = draftCampaign(api, 1);
        try (EventStream stream = EventStream.open(baseUrl() + "/v1/campaigns/" + id + "/stream", secretOf(api))) {
            assertThat(stream.status).isEqualTo(200);
            ApiClient.Response refused = api.get("/v1/agents");
            assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(api.get("/v1/agents").status()).isEqualTo(200));
    }
}
