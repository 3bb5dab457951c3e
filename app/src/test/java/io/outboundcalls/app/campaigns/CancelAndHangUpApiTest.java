package io.outboundcalls.app.campaigns;

import static io.outboundcalls.app.campaigns.CampaignFixtures.agent;
import static io.outboundcalls.app.campaigns.CampaignFixtures.buyCredits;
import static io.outboundcalls.app.campaigns.CampaignFixtures.campaignBody;
import static io.outboundcalls.app.campaigns.CampaignFixtures.contact;
import static io.outboundcalls.app.campaigns.CampaignFixtures.create;
import static io.outboundcalls.app.campaigns.CampaignFixtures.dialsAtThePort;
import static io.outboundcalls.app.campaigns.CampaignFixtures.list;
import static io.outboundcalls.app.campaigns.CampaignFixtures.placedCallIds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.outboundcalls.app.support.ApiClient;
import io.outboundcalls.app.support.ApiTest;
import io.outboundcalls.command.telephony.CallGateway;
import io.outboundcalls.command.telephony.CallStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Cancel and hang-up through the public API. Numbers ending in 06 talk until the agent's
 * {@code max_duration_seconds} (an hour: 3.6 s at the test speed), so the calls are still on the
 * line when they are cancelled; a call that ran to its end instead would be {@code completed}.
 */
class CancelAndHangUpApiTest extends ApiTest {

    @Autowired
    private CallGateway telephony;

    @Test
    void cancelHangsUpEveryLiveCallCallsNoOneElseAndReleasesTheUnusedCredits() throws InterruptedException {
        ApiClient api = newAccount();
        buyCredits(api, 100_000);
        String listId = list(api);
        for (int i = 0; i < 6; i++) {
            contact(api, listId, "+44 20 7946 1" + i + "06", "Talker" + i, "Europe/London");
        }
        String id = create(api, campaignBody(agent(api, 3600), listId, "00:00", "23:59", 3, 3, 1)).path("id").asText();
        api.post("/v1/campaigns/" + id + "/start", null);
        await().atMost(Duration.ofSeconds(20)).until(() -> calls(api, id).stream()
                .filter(call -> call.path("status").asText().equals("in_progress")).count() == 3);

        ApiClient.Response cancelled = api.post("/v1/campaigns/" + id + "/cancel", null);
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.json().path("status").asText()).isEqualTo("cancelled");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(calls(api, id))
                .hasSize(3).allSatisfy(call -> assertThat(call.path("status").asText()).isEqualTo("canceled")));
        List<String> placed = placedCallIds(id);
        assertThat(placed).hasSize(3);
        for (String callId : placed) {
            CallStatus atThePort = telephony.status(callId);
            assertThat(atThePort.state()).as(callId).isEqualTo(CallStatus.State.ENDED);
        }
        for (JsonNode call : calls(api, id)) {
            assertThat(call.path("outcome").asText()).isEqualTo("completed");
            assertThat(call.path("duration_seconds").asLong()).isLessThan(3600);
            assertThat(call.path("ended_at").isNull()).isFalse();
        }

        Thread.sleep(2_500); // two dialer sweeps and more: nobody else is called
        assertThat(placedCallIds(id)).containsExactlyElementsOf(placed);
        assertThat(dialsAtThePort(placed).values()).containsOnly(1);
        assertThat(calls(api, id)).hasSize(3);

        long charged = calls(api, id).stream().mapToLong(call -> call.path("credits_charged").asLong()).sum();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode balance = api.get("/v1/credits/balance").json();
            assertThat(balance.path("reserved").asLong()).isZero();
            assertThat(balance.path("balance").asLong()).isEqualTo(100_000 - charged);
        });
        JsonNode campaign = api.get("/v1/campaigns/" + id).json();
        assertThat(campaign.path("status").asText()).isEqualTo("cancelled");
        assertThat(campaign.path("stats").path("in_progress").asInt()).isZero();
    }

    @Test
    void hangUpEndsOneCallIsIdempotentAndNotFoundForAnotherAccount() {
        ApiClient api = newAccount();
        buyCredits(api, 100_000);
        String listId = list(api);
        contact(api, listId, "+44 20 7946 2006", "Talker", "Europe/London");
        String id = create(api, campaignBody(agent(api, 3600), listId, "00:00", "23:59", 1, 3, 1)).path("id").asText();
        api.post("/v1/campaigns/" + id + "/start", null);
        await().atMost(Duration.ofSeconds(20)).until(() -> calls(api, id).stream()
                .anyMatch(call -> call.path("status").asText().equals("in_progress")));
        String callId = calls(api, id).get(0).path("id").asText();

        assertThat(newAccount().post("/v1/calls/" + callId + "/hang_up", null).status()).isEqualTo(404);
        assertThat(api.post("/v1/calls/call_0000000000000000000000000/hang_up", null).status()).isEqualTo(404);
        assertThat(api.post("/v1/calls/nope/hang_up", null).status()).isEqualTo(404);

        ApiClient.Response hungUp = api.post("/v1/calls/" + callId + "/hang_up", null);
        assertThat(hungUp.status()).as(hungUp.toString()).isEqualTo(200);
        assertThat(hungUp.json().path("id").asText()).isEqualTo(callId);
        assertThat(hungUp.json().path("status").asText()).isEqualTo("canceled");
        assertThat(hungUp.json().path("outcome").asText()).isEqualTo("completed");
        assertThat(telephony.status(callId).state()).isEqualTo(CallStatus.State.ENDED);

        ApiClient.Response again = api.post("/v1/calls/" + callId + "/hang_up", null);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(api.get("/v1/calls/" + callId).json());
        assertThat(again.json().path("status").asText()).isEqualTo("canceled");

        // a call we hung up earns no other attempt: the campaign is over
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(api.get("/v1/campaigns/" + id).json().path("status").asText()).isEqualTo("completed"));
        assertThat(calls(api, id)).hasSize(1);
        assertThat(api.get("/v1/calls?status=canceled&campaign_id=" + id).json().path("data")).hasSize(1);
    }

    static List<JsonNode> calls(ApiClient api, String campaignId) {
        List<JsonNode> calls = new ArrayList<>();
        api.get("/v1/calls?limit=100&campaign_id=" + campaignId).json().path("data").forEach(calls::add);
        return calls;
    }
}
