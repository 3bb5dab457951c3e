package io.outboundcalls.app.campaigns;

import static io.outboundcalls.app.campaigns.CampaignFixtures.agent;
import static io.outboundcalls.app.campaigns.CampaignFixtures.buyCredits;
import static io.outboundcalls.app.campaigns.CampaignFixtures.callEvents;
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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A campaign follows its list while it runs or is paused: contacts who join (one by one or by
 * import) are called under the same rules and counted, contacts who leave or are deleted get no
 * further attempt, and the campaign completes exactly once, when every current member is final.
 */
class LiveListCampaignTest extends ApiTest {

    private static final String COMPLETED_EVENT = "io.outboundcalls.events.campaign.CampaignCompletedEvent";

    @Test
    void contactsAddedWhileTheCampaignRunsAreCalledAndItCompletesOnce() {
        ApiClient api = newAccount();
        buyCredits(api, 100_000);
        String agentId = agent(api, 3600);
        String listId = list(api);
        String longCall = contact(api, listId, "+44 20 7946 3006", "Long", null); // talks for an hour: 3.6 s here
        String id = create(api, campaignBody(agentId, listId, "00:00", "23:59", 5, 1, 1)).path("id").asText();
        assertThat(api.post("/v1/campaigns/" + id + "/start", null).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> CampaignFixtures.placedCallIds(id).size() == 1);

        String single = contact(api, listId, "+44 20 7946 3010", "Single", null);
        ApiClient.Response accepted = api.post("/v1/contacts/import", Map.of("list_id", listId, "contacts", List.of(
                Map.of("phone_number", "+44 20 7946 3011", "first_name", "Imported"),
                Map.of("phone_number", "+44 20 7946 3012", "first_name", "Imported"))));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(api.get("/v1/campaigns/" + id).json()
                .path("stats").path("total_contacts").asInt()).isEqualTo(4));

        JsonNode campaign = awaitCompleted(api, id);
        assertThat(callsPerContact(id)).containsOnlyKeys(longCall, single, contactId(api, "+442079463011"),
                contactId(api, "+442079463012")).allSatisfy((contact, calls) -> assertThat(calls).isEqualTo(1L));
        assertThat(campaign.path("stats").path("total_contacts").asInt()).isEqualTo(4);
        assertThat(campaign.path("stats").path("completed").asInt()).isEqualTo(4);
        assertThat(campaign.path("stats").path("pending").asInt()).isZero();
        assertThat(countOf(id, COMPLETED_EVENT)).isEqualTo(1);
    }

    @Test
    void contactsAddedWhileTheCampaignIsPausedAreCountedAndCalledAfterItResumes() {
        ApiClient api = newAccount();
        buyCredits(api, 100_000);
        String agentId = agent(api, 3600);
        String listId = list(api);
        contact(api, listId, "+44 20 7946 3106", "Long", null);
        String id = create(api, campaignBody(agentId, listId, "00:00", "23:59", 5, 1, 1)).path("id").asText();
        assertThat(api.post("/v1/campaigns/" + id + "/start", null).status()).isEqualTo(200);
        assertThat(api.post("/v1/campaigns/" + id + "/pause", null).status()).isEqualTo(200);

        String joined = contact(api, listId, "+44 20 7946 3110", "Joined", null);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(api.get("/v1/campaigns/" + id).json()
                .path("stats").path("total_contacts").asInt()).isEqualTo(2));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(callsPerContact(id)).doesNotContainKey(joined));
        assertThat(api.get("/v1/campaigns/" + id).json().path("status").asText()).isEqualTo("paused");

        assertThat(api.post("/v1/campaigns/" + id + "/resume", null).status()).isEqualTo(200);
        JsonNode campaign = awaitCompleted(api, id);
        assertThat(callsPerContact(id)).containsEntry(joined, 1L);
        assertThat(campaign.path("stats").path("total_contacts").asInt()).isEqualTo(2);
        assertThat(countOf(id, COMPLETED_EVENT)).isEqualTo(1);
    }

    @Test
    void aContactRemovedFromTheListOrDeletedGetsNoFurtherAttempt() {
        ApiClient api = newAccount();
        buyCredits(api, 100_000);
        String agentId = agent(api, 3600);
        String listId = list(api);
        contact(api, listId, "+44 20 7946 3206", "Long", null);
        String removed = contact(api, listId, "+44 20 7946 3201", "Removed", null); // busy: retried after an hour
        String deleted = contact(api, listId, "+44 20 7946 3301", "Deleted", null);
        String id = create(api, campaignBody(agentId, listId, "00:00", "23:59", 5, 3, 60)).path("id").asText();
        assertThat(api.post("/v1/campaigns/" + id + "/start", null).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> endedCalls(id, removed) == 1 && endedCalls(id, deleted) == 1);

        assertThat(api.patch("/v1/contacts/" + removed, Map.of("list_ids", List.of())).status()).isEqualTo(200);
        assertThat(api.delete("/v1/contacts/" + deleted).status()).isEqualTo(200);

        // without the removal both would wait an hour for their next attempt
        JsonNode campaign = awaitCompleted(api, id);
        assertThat(callsPerContact(id)).containsEntry(removed, 1L).containsEntry(deleted, 1L);
        assertThat(campaign.path("stats").path("total_contacts").asInt()).isEqualTo(3);
        assertThat(campaign.path("stats").path("completed").asInt()).isEqualTo(3);
        assertThat(countOf(id, COMPLETED_EVENT)).isEqualTo(1);
    }

    /**
     * A contact added at the moment the last member becomes final either joins in time (it is
     * called, and counted) or after the completion (it is neither): never counted and left
     * uncalled, never a second completion.
     */
    @Test
    void aContactAddedAsTheLastMemberFinishesIsEitherCalledOrJoinsAfterTheCompletion() {
        ApiClient api = newAccount();
        buyCredits(api, 100_000);
        String agentId = agent(api, 60);
        for (int round = 0; round < 6; round++) {
            String listId = list(api);
            contact(api, listId, "+44 20 7946 34" + String.format("%02d", 10 + round), "First", null);
            String id = create(api, campaignBody(agentId, listId, "00:00", "23:59", 5, 1, 1)).path("id").asText();
            assertThat(api.post("/v1/campaigns/" + id + "/start", null).status()).isEqualTo(200);
            pause(10L * round); // a different moment each round, around the first call's end
            String late = contact(api, listId, "+44 20 7946 35" + String.format("%02d", 10 + round), "Late", null);

            JsonNode campaign = awaitCompleted(api, id);
            Map<String, Long> calls = callsPerContact(id);
            int total = campaign.path("stats").path("total_contacts").asInt();
            assertThat(total).isEqualTo(calls.size());
            assertThat(calls.values()).allSatisfy(n -> assertThat(n).isEqualTo(1L));
            assertThat(calls.containsKey(late)).isEqualTo(total == 2);
            assertThat(campaign.path("stats").path("pending").asInt()).isZero();
            assertThat(countOf(id, COMPLETED_EVENT)).isEqualTo(1);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static JsonNode awaitCompleted(ApiClient api, String id) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(api.get("/v1/campaigns/" + id).json().path("status").asText()).isEqualTo("completed"));
        return api.get("/v1/campaigns/" + id).json();
    }

    /** Calls placed per contact, from the event store. */
    private static Map<String, Long> callsPerContact(String campaignId) {
        return callEvents(campaignId).stream().filter(e -> e.type().equals("CallPlacedEvent"))
                .collect(Collectors.groupingBy(e -> (String) e.payload().get("contactId"), Collectors.counting()));
    }

    private static long endedCalls(String campaignId, String contactId) {
        return callEvents(campaignId).stream()
                .filter(e -> e.type().equals("CallCompletedEvent") || e.type().equals("CallFailedEvent"))
                .filter(e -> contactId.equals(e.payload().get("contactId")))
                .count();
    }

    private static String contactId(ApiClient api, String phone) {
        JsonNode found = api.get("/v1/contacts?phone_number=" + phone.replace("+", "%2B")).json().path("data");
        assertThat(found).hasSize(1);
        return found.get(0).path("id").asText();
    }
}
