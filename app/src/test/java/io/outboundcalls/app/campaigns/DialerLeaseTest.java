package io.outboundcalls.app.campaigns;

import static io.outboundcalls.app.campaigns.CampaignFixtures.agent;
import static io.outboundcalls.app.campaigns.CampaignFixtures.buyCredits;
import static io.outboundcalls.app.campaigns.CampaignFixtures.callEvents;
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
import io.outboundcalls.app.support.MovableClock;
import io.outboundcalls.command.call.PlaceCallCommand;
import io.outboundcalls.command.common.Ids;
import io.outboundcalls.command.credits.CreditAccountIds;
import io.outboundcalls.command.credits.ReserveCreditsCommand;
import io.outboundcalls.command.dialer.DialerNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A held slot keeps its lease for as long as its call lives, and a slot recovered from a node
 * that died before dialing is checked like a fresh one: a paused campaign, a contact who may no
 * longer be called or a closed calling window places nothing and gives the slot back with its
 * reason. The dead node is staged in the dialer's table (a slot claimed, its lease run out):
 * the live node here recovers it as it would any node's.
 */
class DialerLeaseTest extends ApiTest {

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private DialerNode node;
    @Autowired
    private MovableClock clock;
    @Autowired
    private CommandGateway commands;

    @Test
    void aCallLongerThanItsLeaseKeepsItsSlotAndIsDialedOnce() throws InterruptedException {
        ApiClient api = newAccount();
        buyCredits(api, 100_000);
        String listId = list(api);
        contact(api, listId, "+44 20 7946 3006", "Long", null); // an hour: 3.6 s here, beyond the 2 s lease
        String id = create(api, campaignBody(agent(api, 3600), listId, "00:00", "23:59", 1, 1, 1)).path("id").asText();
        api.post("/v1/campaigns/" + id + "/start", null);
        await().atMost(Duration.ofSeconds(20)).until(() -> !placedCallIds(id).isEmpty()
                && dialsAtThePort(placedCallIds(id)).values().contains(1));
        String callId = placedCallIds(id).get(0);

        Thread.sleep(2500); // longer than the lease: only its renewals keep the slot
        Map<String, Object> slot = jdbc.queryForMap("""
                select state, owner, lease_expires_at > now() as leased, claimed_at < now() - interval '2 seconds' as old
                from dialer.campaign_contacts where call_id = ?""", callId);
        // a takeover, even by this node, would have set claimed_at anew
        assertThat(slot).containsEntry("state", "dialing").containsEntry("owner", node.id()).containsEntry("leased", true)
                .containsEntry("old", true);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(api.get("/v1/campaigns/" + id).json().path("status").asText()).isEqualTo("completed"));
        assertThat(dialsAtThePort(List.of(callId))).containsEntry(callId, 1);
        assertThat(api.get("/v1/calls/" + callId).json().path("duration_seconds").asLong()).isEqualTo(3600);
    }

    @Test
    void aSlotRecoveredAfterItsCampaignWasPausedPlacesNothing() {
        Staged staged = campaignWaitingForItsStartDate();
        assertThat(staged.api().post("/v1/campaigns/" + staged.campaignId() + "/pause", null).status()).isEqualTo(200);
        String callId = claimedByADeadNode(staged);

        awaitReleased(staged, "pending", "campaign_paused");
        assertThat(dialsAtThePort(List.of(callId))).containsEntry(callId, 0);
        assertThat(callEvents(staged.campaignId())).isEmpty();
    }

    @Test
    void aSlotRecoveredForAContactNowDoNotCallIsSkippedWithoutACall() {
        Staged staged = campaignWaitingForItsStartDate();
        assertThat(staged.api().patch("/v1/contacts/" + staged.contactId(), Map.of("do_not_call", true)).status()).isEqualTo(200);
        String callId = claimedByADeadNode(staged);

        awaitReleased(staged, "done", "do_not_call");
        assertThat(dialsAtThePort(List.of(callId))).containsEntry(callId, 0);
        assertThat(callEvents(staged.campaignId())).isEmpty();
    }

    @Test
    void aSlotRecoveredOutsideTheCallingWindowWaitsForItsOpening() {
        Staged staged = campaignWaitingForItsStartDate();
        String callId = claimedByADeadNode(staged);

        awaitReleased(staged, "pending", "outside_calling_hours");
        assertThat(dialsAtThePort(List.of(callId))).containsEntry(callId, 0);
        assertThat(jdbc.queryForObject("select (due_at at time zone 'Europe/London')::date = ?::date from dialer.campaign_contacts where contact_id = ?",
                Boolean.class, staged.startDate().toString(), staged.contactId())).isTrue();
    }

    /**
     * The dead node had reserved the credits and created the Call before it died; the attempt is
     * given back (paused), and when the campaign is cancelled instead of resumed, the Call ends
     * {@code canceled}, never dialed, and its reservation is released: nothing stays held.
     */
    @Test
    void whatAGivenBackAttemptHeldIsSettledWhenItsCampaignIsCancelled() {
        Staged staged = campaignWaitingForItsStartDate();
        assertThat(staged.api().post("/v1/campaigns/" + staged.campaignId() + "/pause", null).status()).isEqualTo(200);
        String accountId = jdbc.queryForObject("select account_id from dialer.campaigns where campaign_id = ?", String.class,
                staged.campaignId());
        String callId = Ids.derivedId("call", staged.campaignId() + ":" + staged.contactId() + ":1");
        commands.sendAndWait(new ReserveCreditsCommand(CreditAccountIds.of(accountId), accountId, callId, 10, staged.campaignId(), callId));
        commands.sendAndWait(new PlaceCallCommand(callId, accountId, staged.campaignId(), staged.contactId(), staged.agentId(),
                "+442079463010", null, 1, 1, List.of("no_answer", "busy", "failed"), 10, clock.instant()));
        claimedByADeadNode(staged);
        awaitReleased(staged, "pending", "campaign_paused");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(staged.api().get("/v1/credits/balance").json().path("reserved").asLong()).isEqualTo(10));

        assertThat(staged.api().post("/v1/campaigns/" + staged.campaignId() + "/cancel", null).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode call = staged.api().get("/v1/calls/" + callId).json();
            assertThat(call.path("status").asText()).isEqualTo("canceled");
            assertThat(call.path("outcome").asText()).isEqualTo("failed");
            assertThat(call.path("end_reason").asText()).isEqualTo("not dialed: campaign_paused");
            assertThat(staged.api().get("/v1/credits/balance").json().path("reserved").asLong()).isZero();
        });
        assertThat(dialsAtThePort(List.of(callId))).containsEntry(callId, 0);
        assertThat(jdbc.queryForObject("select held_call_id from dialer.campaign_contacts where contact_id = ?", String.class,
                staged.contactId())).isNull();
    }

    private record Staged(ApiClient api, String campaignId, String contactId, String agentId, LocalDate startDate) {
    }

    /** A running campaign whose start date is a month away: the dialer claims nothing by itself. */
    private Staged campaignWaitingForItsStartDate() {
        ApiClient api = newAccount();
        buyCredits(api, 100_000);
        String listId = list(api);
        String contactId = contact(api, listId, "+44 20 7946 3010", "Jane", null);
        LocalDate startDate = clock.instant().atZone(ZoneOffset.UTC).toLocalDate().plusDays(30);
        String agentId = agent(api, 60);
        Map<String, Object> body = new HashMap<>(campaignBody(agentId, listId, "00:00", "23:59", 1, 1, 1));
        body.put("schedule", Map.of("start_date", startDate.toString(), "calling_hours", Map.of("start", "00:00", "end", "23:59"),
                "timezone", "Europe/London"));
        String campaignId = create(api, body).path("id").asText();
        assertThat(api.post("/v1/campaigns/" + campaignId + "/start", null).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                api.get("/v1/campaigns/" + campaignId).json().path("waiting_reason").asText()).isEqualTo("before_start_date"));
        return new Staged(api, campaignId, contactId, agentId, startDate);
    }

    /** The contact's first attempt, claimed by a node that died before it dialed: its lease has run out. */
    private String claimedByADeadNode(Staged staged) {
        String callId = Ids.derivedId("call", staged.campaignId() + ":" + staged.contactId() + ":1");
        assertThat(jdbc.update("""
                update dialer.campaign_contacts set state = 'dialing', attempts = 1, call_id = ?, claimed_at = now(),
                    owner = 'node-dead', lease_token = gen_random_uuid(), lease_expires_at = now() - interval '1 second'
                where campaign_id = ? and contact_id = ? and state = 'pending'""",
                callId, staged.campaignId(), staged.contactId())).isEqualTo(1);
        return callId;
    }

    private void awaitReleased(Staged staged, String state, String reason) {
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(jdbc.queryForMap("""
                select state, released_reason, attempts, call_id, owner from dialer.campaign_contacts
                where campaign_id = ? and contact_id = ?""", staged.campaignId(), staged.contactId()))
                .containsEntry("state", state).containsEntry("released_reason", reason).containsEntry("attempts", 0)
                .containsEntry("call_id", null).containsEntry("owner", null));
    }
}
