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
import io.outboundcalls.app.support.TestDatabase;
import io.outboundcalls.command.dialer.DialerNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two nodes on one PostgreSQL dial one campaign of calls far longer than a lease (an hour each,
 * 12 s at this test's simulator speed, leases 2 s), and one node dies with calls on the line:
 * its renewals and its simulated reports stop with it. The survivor recovers the dead node's
 * slots once their leases run out, asks the simulator what became of each call and follows it,
 * so every attempt is dialed exactly once at the telephony port, and the campaign completes.
 * When the whole suite runs, the shared test context is a third node on the same database (and
 * its simulator runs faster): it may claim or recover some of these slots too, which the
 * guarantee must, and does, survive.
 */
class DialerNodesTest {

    private static final int LONG_CALLS = 6;
    private static final int SHORT_CALLS = 6;
    /** Slow enough that the dead node's calls are still on the line when the survivor recovers them. */
    private static final int SIMULATOR_SPEED = 300;

    @Test
    void aNodeDyingWithCallsOnTheLineLeavesEveryAttemptDialedOnce() {
        ConfigurableApplicationContext dying = start("a");
        ConfigurableApplicationContext survivor = start("b");
        try {
            ApiClient api = ExtraNode.newAccount(dying, "Nodes");
            buyCredits(api, 1_000_000);
            String listId = list(api);
            for (int i = 0; i < LONG_CALLS; i++) {
                contact(api, listId, "+44 20 77" + i + "1 0006", "Long" + i, null);
            }
            for (int i = 0; i < SHORT_CALLS; i++) {
                contact(api, listId, "+44 20 77" + i + "2 0010", "Short" + i, null);
            }
            String id = create(api, campaignBody(agent(api, 3600), listId, "00:00", "23:59", 8, 1, 1)).path("id").asText();
            api.post("/v1/campaigns/" + id + "/start", null);

            String dyingNode = dying.getBean(DialerNode.class).id();
            await().atMost(Duration.ofSeconds(30)).until(() -> !dialedSlotsOf(id, dyingNode).isEmpty());
            List<String> orphans = dialedSlotsOf(id, dyingNode);
            dying.close();

            ApiClient again = new ApiClient(baseUrl(survivor), api.token());
            await().atMost(Duration.ofSeconds(120)).untilAsserted(() ->
                    assertThat(again.get("/v1/campaigns/" + id).json().path("status").asText()).isEqualTo("completed"));
            List<String> callIds = placedCallIds(id);
            assertThat(callIds).hasSize(LONG_CALLS + SHORT_CALLS).doesNotHaveDuplicates().containsAll(orphans);
            assertThat(dialsAtThePort(callIds)).as("dials per call at the telephony port").allSatisfy((call, dials) ->
                    assertThat(dials).as(call).isEqualTo(1));
            Map<String, String> outcomes = new HashMap<>();
            callEvents(id).stream().filter(e -> e.type().equals("CallCompletedEvent"))
                    .forEach(e -> assertThat(outcomes.put(e.callId(), (String) e.payload().get("outcome"))).isNull());
            assertThat(outcomes).hasSize(LONG_CALLS + SHORT_CALLS);
            assertThat(outcomes.values()).filteredOn("MAX_DURATION"::equals).hasSize(LONG_CALLS);
            assertThat(countOf(id, "io.outboundcalls.events.campaign.CampaignCompletedEvent")).isEqualTo(1);
        } finally {
            survivor.close();
            dying.close();
        }
    }

    /** The calls a node holds and has dialed. */
    private static List<String> dialedSlotsOf(String campaignId, String node) {
        TestDatabase.Connection db = TestDatabase.get();
        List<String> callIds = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(db.url(), db.username(), db.password());
             PreparedStatement s = c.prepareStatement("""
                     select cc.call_id from dialer.campaign_contacts cc join dialer.simulated_calls s on s.call_id = cc.call_id
                     where cc.campaign_id = ? and cc.owner = ? and cc.state = 'dialing'""")) {
            s.setString(1, campaignId);
            s.setString(2, node);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    callIds.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return callIds;
    }

    private static ConfigurableApplicationContext start(String name) {
        return ExtraNode.start(name, "--test.simulator.speed=" + SIMULATOR_SPEED);
    }

    private static String baseUrl(ConfigurableApplicationContext context) {
        return ExtraNode.baseUrl(context);
    }
}
