package io.outboundcalls.app.campaigns;

import static io.outboundcalls.app.campaigns.CampaignFixtures.agent;
import static io.outboundcalls.app.campaigns.CampaignFixtures.buyCredits;
import static io.outboundcalls.app.campaigns.CampaignFixtures.callEvents;
import static io.outboundcalls.app.campaigns.CampaignFixtures.campaignBody;
import static io.outboundcalls.app.campaigns.CampaignFixtures.contact;
import static io.outboundcalls.app.campaigns.CampaignFixtures.countOf;
import static io.outboundcalls.app.campaigns.CampaignFixtures.create;
import static io.outboundcalls.app.campaigns.CampaignFixtures.dialsAtThePort;
import static io.outboundcalls.app.campaigns.CampaignFixtures.list;
import static io.outboundcalls.app.campaigns.CampaignFixtures.placedCallIds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.outboundcalls.app.support.ApiClient;
import io.outboundcalls.app.support.ExtraNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The service stops mid-campaign, with calls on the line and their simulated reports lost with
 * it, and a new instance (a new node id) starts on the same database: once the old leases run
 * out it asks the simulator about each orphaned call and follows it rather than dialing again,
 * so every attempt is dialed once at the telephony port and the campaign completes once.
 */
class DialerCrashTest {


    @Test
    void aRestartMidCampaignPlacesNoAttemptTwiceAndCompletes() {
        ConfigurableApplicationContext first = start();
        ApiClient api = ExtraNode.newAccount(first, "Crash");
        buyCredits(api, 100_000);
        String listId = list(api);
        for (int i = 0; i < 6; i++) {
            contact(api, listId, "+44 20 76" + i + "0 0006", "Long" + i, null); // an hour each: 3.6 s here
        }
        String id = create(api, campaignBody(agent(api, 3600), listId, "00:00", "23:59", 3, 1, 1)).path("id").asText();
        api.post("/v1/campaigns/" + id + "/start", null);
        await().atMost(Duration.ofSeconds(20)).until(() -> dialed(id) == 3);
        first.close(); // the three calls on the line lose their simulated reports

        ConfigurableApplicationContext second = start();
        try {
            ApiClient again = new ApiClient(baseUrl(second), api.token());
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                    assertThat(again.get("/v1/campaigns/" + id).json().path("status").asText()).isEqualTo("completed"));
            var events = callEvents(id);
            Set<String> callIds = new HashSet<>();
            Map<String, Integer> attemptsPerContact = new HashMap<>();
            events.stream().filter(e -> e.type().equals("CallPlacedEvent")).forEach(e -> {
                assertThat(callIds.add(e.callId())).isTrue();
                attemptsPerContact.merge((String) e.payload().get("contactId"), 1, Integer::sum);
            });
            assertThat(callIds).hasSize(6);
            assertThat(attemptsPerContact.values()).containsOnly(1);
            assertThat(dialsAtThePort(callIds).values()).containsOnly(1);
            assertThat(events.stream().filter(e -> e.type().equals("CallCompletedEvent"))).hasSize(6);
            assertThat(countOf(id, "io.outboundcalls.events.campaign.CampaignCompletedEvent")).isEqualTo(1);
        } finally {
            second.close();
        }
    }

    private static long dialed(String campaignId) {
        return dialsAtThePort(placedCallIds(campaignId)).values().stream().filter(dials -> dials > 0).count();
    }

    private static ConfigurableApplicationContext start() {
        return ExtraNode.start("crash");
    }

    private static String baseUrl(ConfigurableApplicationContext context) {
        return ExtraNode.baseUrl(context);
    }
}
