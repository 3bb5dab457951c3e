package io.outboundcalls.app.campaigns;

import static io.outboundcalls.app.campaigns.CampaignFixtures.agent;
import static io.outboundcalls.app.campaigns.CampaignFixtures.buyCredits;
import static io.outboundcalls.app.campaigns.CampaignFixtures.callEvents;
import static io.outboundcalls.app.campaigns.CampaignFixtures.campaignBody;
import static io.outboundcalls.app.campaigns.CampaignFixtures.contact;
import static io.outboundcalls.app.campaigns.CampaignFixtures.countOf;
import static io.outboundcalls.app.campaigns.CampaignFixtures.create;
import static io.outboundcalls.app.campaigns.CampaignFixtures.list;
import static io.outboundcalls.app.campaigns.CampaignFixtures.maxInFlight;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.outboundcalls.app.support.ApiClient;
import io.outboundcalls.app.support.ApiTest;
import io.outboundcalls.app.support.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A whole campaign through the public API: 50 contacts whose numbers end in the simulator's
 * magic digits, 5 calls at a time, 3 attempts, a 1-minute retry delay (the dialer's clock is
 * moved forward, so the test does not wait for it).
 */
class DialerEndToEndTest extends ApiTest {

    /** Last two digits → how many contacts get that number. */
    private static final Map<String, Integer> MIX = new LinkedHashMap<>();

    static {
        MIX.put("01", 5);  // busy every time: 3 attempts
        MIX.put("02", 5);  // no answer every time: 3 attempts
        MIX.put("03", 5);  // voicemail: not in retry_on, 1 attempt
        MIX.put("04", 5);  // failed every time: 3 attempts
        MIX.put("05", 5);  // opts out: 1 attempt
        MIX.put("06", 3);  // runs to max_duration_seconds: 1 attempt
        MIX.put("07", 5);  // busy, then answered: 2 attempts
        MIX.put("08", 2);  // asks for a person, no transfer number: completed
        MIX.put("10", 15); // normal conversation
    }

    @Autowired
    private MovableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void fiftyContactsFinishWithExactStatsNeverMoreThanFiveInFlightAndCompleteOnce() throws Exception {
        ApiClient api = newAccount();
        buyCredits(api, 100_000);
        String agentId = agent(api, 60);
        String listId = list(api);
        Map<String, String> magicOf = new HashMap<>();
        int n = 0;
        for (Map.Entry<String, Integer> entry : MIX.entrySet()) {
            for (int i = 0; i < entry.getValue(); i++, n++) {
                String phone = "+44 20 7" + String.format("%03d", n) + " 00" + entry.getKey();
                magicOf.put(contact(api, listId, phone, "Name" + n, null), entry.getKey());
            }
        }
        assertThat(n).isEqualTo(50);
        JsonNode campaign = create(api, campaignBody(agentId, listId, "00:00", "23:59", 5, 3, 1));
        String id = campaign.path("id").asText();
        ApiClient.Response started = api.post("/v1/campaigns/" + id + "/start", null);
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        assertThat(started.json().path("status").asText()).isEqualTo("running");

        // retries are due a minute after the last attempt ended: move the dialer's clock along
        AtomicBoolean done = new AtomicBoolean();
        Thread mover = new Thread(() -> {
            while (!done.get()) {
                clock.advance(Duration.ofSeconds(20));
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        mover.start();
        try {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                    assertThat(api.get("/v1/campaigns/" + id).json().path("status").asText()).isEqualTo("completed"));
        } finally {
            done.set(true);
            mover.join();
        }

        // the calls read model, which the stats are computed from, may trail the campaign's own
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(api.get("/v1/campaigns/" + id).json().path("stats").path("completed").asInt()).isEqualTo(50));
        JsonNode stats = api.get("/v1/campaigns/" + id).json().path("stats");
        assertThat(stats.path("total_contacts").asInt()).isEqualTo(50);
        assertThat(stats.path("completed").asInt()).isEqualTo(50);
        assertThat(stats.path("pending").asInt()).isZero();
        assertThat(stats.path("in_progress").asInt()).isZero();
        assertThat(stats.path("attempts").asInt()).isEqualTo(85);
        JsonNode outcomes = stats.path("outcomes");
        assertThat(outcomes.path("busy").asInt()).isEqualTo(20);
        assertThat(outcomes.path("no_answer").asInt()).isEqualTo(15);
        assertThat(outcomes.path("failed").asInt()).isEqualTo(15);
        assertThat(outcomes.path("voicemail").asInt()).isEqualTo(5);
        assertThat(outcomes.path("opted_out").asInt()).isEqualTo(5);
        assertThat(outcomes.path("max_duration").asInt()).isEqualTo(3);
        assertThat(outcomes.path("completed").asInt()).isEqualTo(22);
        assertThat(stats.path("credits_spent").asLong()).isPositive();

        var events = callEvents(id);
        assertThat(events.stream().filter(e -> e.type().equals("CallPlacedEvent"))).hasSize(85);
        assertThat(maxInFlight(events)).isBetween(1, 5);
        assertThat(countOf(id, "io.outboundcalls.events.campaign.CampaignCompletedEvent")).isEqualTo(1);

        // at most max_attempts, each attempt once, and never sooner than delay_minutes after the last ended
        Map<String, List<CampaignFixtures.CallEvent>> byContact = new HashMap<>();
        Map<String, Instant> endedAt = new HashMap<>();
        Set<String> callIds = new HashSet<>();
        for (var e : events) {
            if (e.type().equals("CallPlacedEvent")) {
                assertThat(callIds.add(e.callId())).isTrue();
                byContact.computeIfAbsent((String) e.payload().get("contactId"), k -> new ArrayList<>()).add(e);
            } else if (e.payload().get("endedAt") != null) {
                endedAt.put(e.callId(), Instant.parse((String) e.payload().get("endedAt")));
            }
        }
        for (List<CampaignFixtures.CallEvent> attempts : byContact.values()) {
            assertThat(attempts.size()).isLessThanOrEqualTo(3);
            for (int i = 1; i < attempts.size(); i++) {
                Instant queued = Instant.parse((String) attempts.get(i).payload().get("queuedAt"));
                assertThat(queued).isAfterOrEqualTo(endedAt.get(attempts.get(i - 1).callId()).plus(Duration.ofMinutes(1)));
            }
        }

        // the calls API agrees, and contacts follow their calls
        JsonNode calls = api.get("/v1/calls?campaign_id=" + id + "&limit=100").json();
        assertThat(calls.path("data")).hasSize(85);
        assertPagesWalkEveryCallOnceAndOnlyOwnCursorsPositionAPage(api, id, calls.path("data"));
        String optedOut = magicOf.entrySet().stream().filter(e -> e.getValue().equals("05")).findFirst().orElseThrow().getKey();
        String normal = magicOf.entrySet().stream().filter(e -> e.getValue().equals("10")).findFirst().orElseThrow().getKey();
        String busy = magicOf.entrySet().stream().filter(e -> e.getValue().equals("01")).findFirst().orElseThrow().getKey();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(api.get("/v1/contacts/" + optedOut).json().path("status").asText()).isEqualTo("opted_out");
            assertThat(api.get("/v1/contacts/" + normal).json().path("status").asText()).isEqualTo("reached");
            assertThat(api.get("/v1/contacts/" + busy).json().path("status").asText()).isEqualTo("unreachable");
        });
    }

    /** Pages of 20 forwards, then back from the last, list every call once; another account's call id is no cursor. */
    private void assertPagesWalkEveryCallOnceAndOnlyOwnCursorsPositionAPage(ApiClient api, String campaignId, JsonNode all) {
        List<String> expected = new ArrayList<>();
        all.forEach(call -> expected.add(call.path("id").asText()));
        List<String> forwards = new ArrayList<>();
        String after = null;
        JsonNode page;
        do {
            page = api.get("/v1/calls?campaign_id=" + campaignId + "&limit=20" + (after == null ? "" : "&starting_after=" + after)).json();
            page.path("data").forEach(call -> forwards.add(call.path("id").asText()));
            after = forwards.get(forwards.size() - 1);
        } while (page.path("has_more").asBoolean());
        assertThat(forwards).containsExactlyElementsOf(expected);
        JsonNode back = api.get("/v1/calls?campaign_id=" + campaignId + "&limit=20&ending_before=" + expected.get(expected.size() - 1)).json();
        assertThat(back.path("data")).hasSize(20);
        assertThat(back.path("data").get(19).path("id").asText()).isEqualTo(expected.get(expected.size() - 2));

        ApiClient other = newAccount();
        for (String direction : List.of("starting_after", "ending_before")) {
            JsonNode foreign = other.get("/v1/calls?limit=100&" + direction + "=" + expected.get(40)).json();
            assertThat(foreign.path("data")).as(direction + " another account's call").isEmpty();
            assertThat(api.get("/v1/calls?campaign_id=" + campaignId + "&limit=100&" + direction + "=call_unknown").json()
                    .path("data")).as(direction + " an unknown call").isEmpty();
        }
    }

    @Test
    void anAccountNeverHasMoreCallsInFlightThanItsLimitAcrossCampaigns() {
        ApiClient.Response created = admin().post("/admin/accounts",
                Map.of("name", "Capped", "tier", "enterprise", "limits", Map.of("concurrent_calls", 4)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        ApiClient api = new ApiClient(baseUrl(), created.json().path("api_key").path("secret").asText());
        buyCredits(api, 100_000);
        String agentId = agent(api, 600);
        List<String> campaigns = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            String listId = list(api);
            for (int i = 0; i < 6; i++) {
                contact(api, listId, "+44 20 75" + c + i + " 0006", "Long" + i, null);
            }
            campaigns.add(create(api, campaignBody(agentId, listId, "00:00", "23:59", 3, 1, 1)).path("id").asText());
        }
        campaigns.forEach(id -> api.post("/v1/campaigns/" + id + "/start", null));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (String id : campaigns) {
                assertThat(api.get("/v1/campaigns/" + id).json().path("status").asText()).isEqualTo("completed");
            }
        });

        List<CampaignFixtures.CallEvent> all = new ArrayList<>();
        for (String id : campaigns) {
            var events = callEvents(id);
            assertThat(events.stream().filter(e -> e.type().equals("CallPlacedEvent"))).hasSize(6);
            assertThat(maxInFlight(events)).isLessThanOrEqualTo(3);
            all.addAll(events);
        }
        all.sort(java.util.Comparator.comparingLong(CampaignFixtures.CallEvent::globalIndex));
        assertThat(maxInFlight(all)).isBetween(2, 4);
    }

    @Autowired
    private org.axonframework.commandhandling.gateway.CommandGateway commands;

    @Test
    void theSameAttemptCanNeverBePlacedTwice() {
        String callId = io.outboundcalls.command.common.Ids.derivedId("call", "camp_x:contact_y:1");
        var place = new io.outboundcalls.command.call.PlaceCallCommand(callId, "acct_x", "camp_x", "contact_y", "agent_z",
                "+442079460010", null, 1, 3, List.of("busy"), 10, Instant.now());
        commands.sendAndWait(place);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> commands.sendAndWait(place)).isInstanceOf(RuntimeException.class);
        assertThat(callEvents("camp_x").stream().filter(e -> e.type().equals("CallPlacedEvent"))).hasSize(1);
    }
}
