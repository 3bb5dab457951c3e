package io.outboundcalls.query.campaign;

import io.outboundcalls.events.campaign.CampaignCompletedEvent;
import io.outboundcalls.events.campaign.CampaignContactSkippedEvent;
import io.outboundcalls.events.campaign.CampaignContactsAddedEvent;
import io.outboundcalls.events.campaign.CampaignCreatedEvent;
import io.outboundcalls.events.campaign.CampaignPausedEvent;
import io.outboundcalls.events.campaign.CampaignResumedEvent;
import io.outboundcalls.events.campaign.CampaignSchedule;
import io.outboundcalls.events.campaign.CampaignSettings;
import io.outboundcalls.events.campaign.CampaignStartedEvent;
import io.outboundcalls.events.campaign.CampaignWaitingEndedEvent;
import io.outboundcalls.events.campaign.CampaignWaitingEvent;
import io.outboundcalls.events.campaign.RetryRules;
import io.outboundcalls.events.call.CallOutcome;
import io.outboundcalls.query.call.CallsFixture;
import io.outboundcalls.query.common.PageRequest;
import io.outboundcalls.query.support.ReadModelDatabase;
import io.outboundcalls.query.support.TestIds;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The campaigns read model as a plain object: redelivered and late events never move a campaign backwards. */
class CampaignProjectionTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private static final Instant NEXT_DIAL = Instant.parse("2026-03-02T14:00:00Z");

    private final CampaignProjection projection = new CampaignProjection(ReadModelDatabase.jdbc());
    private final String accountId = TestIds.next("acct");
    private final String campaignId = TestIds.next("camp");

    @Test
    void aRedeliveredCreationKeepsTheFirstDraft() {
        projection.on(created("Spring"), 0, T0);
        projection.on(created("Other"), 0, T0.plusSeconds(5));

        CampaignView campaign = find();
        assertThat(campaign.status()).isEqualTo("draft");
        assertThat(campaign.settings().name()).isEqualTo("Spring");
        assertThat(campaign.createdAt()).isEqualTo(T0);
        assertThat(list()).hasSize(1);
    }

    @Test
    void aRedeliveredStartKeepsTheStartedAt() {
        projection.on(created("Spring"), 0, T0);
        projection.on(started(10), 1, T0.plusSeconds(10));
        projection.on(started(10), 1, T0.plusSeconds(20));

        CampaignView campaign = find();
        assertThat(campaign.status()).isEqualTo("running");
        assertThat(campaign.startedAt()).isEqualTo(T0.plusSeconds(10));
        assertThat(campaign.stats().totalContacts()).isEqualTo(10);
    }

    @Test
    void redeliveredContactsAddedAreCountedOnce() {
        projection.on(created("Spring"), 0, T0);
        projection.on(started(10), 1, T0);
        projection.on(added(2), 2, T0);
        projection.on(added(2), 2, T0);

        assertThat(find().stats().totalContacts()).isEqualTo(12);
    }

    @Test
    void aLateStartDoesNotUndoTheContactsAddedAfterIt() {
        projection.on(created("Spring"), 0, T0);
        projection.on(started(10), 1, T0);
        projection.on(added(2), 2, T0);
        projection.on(started(10), 1, T0);

        assertThat(find().stats().totalContacts()).isEqualTo(12);
    }

    @Test
    void aWaitingCampaignShowsItsReasonAndNextDial() {
        projection.on(created("Spring"), 0, T0);
        projection.on(started(10), 1, T0);
        projection.on(waiting(CampaignWaitingEvent.OUTSIDE_CALLING_HOURS), 2, T0);

        CampaignView campaign = find();
        assertThat(campaign.status()).isEqualTo("running");
        assertThat(campaign.waitingReason()).isEqualTo("outside_calling_hours");
        assertThat(campaign.nextDialAt()).isEqualTo(NEXT_DIAL);
    }

    @Test
    void theEndOfTheWaitClearsReasonAndNextDial() {
        projection.on(created("Spring"), 0, T0);
        projection.on(started(10), 1, T0);
        projection.on(waiting(CampaignWaitingEvent.INSUFFICIENT_CREDITS), 2, T0);
        projection.on(new CampaignWaitingEndedEvent(campaignId, accountId), 3, T0);

        CampaignView campaign = find();
        assertThat(campaign.waitingReason()).isNull();
        assertThat(campaign.nextDialAt()).isNull();
    }

    @Test
    void aLateWaitingDoesNotComeBackAfterThePause() {
        projection.on(created("Spring"), 0, T0);
        projection.on(started(10), 1, T0);
        projection.on(waiting(CampaignWaitingEvent.CONCURRENCY_FULL), 2, T0);
        projection.on(new CampaignPausedEvent(campaignId, accountId), 3, T0);
        projection.on(waiting(CampaignWaitingEvent.CONCURRENCY_FULL), 2, T0);

        CampaignView campaign = find();
        assertThat(campaign.status()).isEqualTo("paused");
        assertThat(campaign.waitingReason()).isNull();
    }

    @Test
    void aLateResumeNeverReopensACompletedCampaign() {
        projection.on(created("Spring"), 0, T0);
        projection.on(started(10), 1, T0);
        projection.on(new CampaignPausedEvent(campaignId, accountId), 2, T0);
        projection.on(new CampaignCompletedEvent(campaignId, accountId), 4, T0.plusSeconds(40));
        projection.on(new CampaignResumedEvent(campaignId, accountId), 3, T0.plusSeconds(30));

        CampaignView campaign = find();
        assertThat(campaign.status()).isEqualTo("completed");
        assertThat(campaign.completedAt()).isEqualTo(T0.plusSeconds(40));
    }

    @Test
    void aRedeliveredSkipCompletesTheContactOnce() {
        projection.on(created("Spring"), 0, T0);
        projection.on(started(3), 1, T0);
        projection.on(new CampaignContactSkippedEvent(campaignId, accountId, "contact_1", "do_not_call"));
        projection.on(new CampaignContactSkippedEvent(campaignId, accountId, "contact_1", "do_not_call"));

        CampaignStats stats = find().stats();
        assertThat(stats.completed()).isEqualTo(1);
        assertThat(stats.pending()).isEqualTo(2);
        assertThat(stats.attempts()).isZero();
    }

    @Test
    void statsCountEachContactOnceWhetherACallOrASkipFinishedIt() {
        CallsFixture calls = new CallsFixture(ReadModelDatabase.jdbc(), accountId, campaignId);
        projection.on(created("Spring"), 0, T0);
        projection.on(started(4), 1, T0);
        String finishedCall = TestIds.next("call");
        calls.placed(finishedCall, "contact_1");
        calls.failed(finishedCall, "contact_1", CallOutcome.BUSY, false);
        String retriedCall = TestIds.next("call");
        calls.placed(retriedCall, "contact_2");
        calls.failed(retriedCall, "contact_2", CallOutcome.NO_ANSWER, true);
        calls.placed(TestIds.next("call"), "contact_3");
        projection.on(new CampaignContactSkippedEvent(campaignId, accountId, "contact_1", "do_not_call"));
        projection.on(new CampaignContactSkippedEvent(campaignId, accountId, "contact_2", "do_not_call"));

        CampaignStats stats = find().stats();
        assertThat(stats.completed()).isEqualTo(2);
        assertThat(stats.inProgress()).isEqualTo(1);
        assertThat(stats.pending()).isEqualTo(1);
        assertThat(stats.attempts()).isEqualTo(3);
        assertThat(stats.outcomes()).containsExactly(Map.entry("busy", 1), Map.entry("no_answer", 1));
    }

    @Test
    void anotherAccountNeverSeesTheCampaign() {
        projection.on(created("Spring"), 0, T0);

        assertThat(projection.handle(new FindCampaignQuery("acct_other", campaignId))).isEmpty();
    }

    @Test
    void theResetClearsCampaignsAndSkips() {
        projection.on(created("Spring"), 0, T0);
        projection.on(started(3), 1, T0);
        projection.on(new CampaignContactSkippedEvent(campaignId, accountId, "contact_1", "do_not_call"));

        projection.reset();

        assertThat(projection.handle(new FindCampaignQuery(accountId, campaignId))).isEmpty();
        projection.on(created("Spring"), 0, T0);
        projection.on(started(3), 1, T0);
        assertThat(find().stats().completed()).isZero();
    }

    private CampaignCreatedEvent created(String name) {
        CampaignSchedule schedule = new CampaignSchedule(null, null, "09:00", "17:00", "America/New_York",
                CampaignSchedule.ALL_DAYS);
        RetryRules retries = new RetryRules(3, 60, RetryRules.DEFAULT_RETRY_ON);
        return new CampaignCreatedEvent(campaignId, accountId,
                new CampaignSettings(name, "agent_1", "list_1", schedule, retries, 2, "+14155550199"));
    }

    private CampaignStartedEvent started(int totalContacts) {
        return new CampaignStartedEvent(campaignId, accountId, "agent_1", "list_1", totalContacts);
    }

    private CampaignContactsAddedEvent added(int contacts) {
        return new CampaignContactsAddedEvent(campaignId, accountId,
                java.util.stream.IntStream.range(0, contacts).mapToObj(i -> "contact_new_" + i).toList());
    }

    private CampaignWaitingEvent waiting(String reason) {
        return new CampaignWaitingEvent(campaignId, accountId, reason, NEXT_DIAL);
    }

    private CampaignView find() {
        return projection.handle(new FindCampaignQuery(accountId, campaignId)).orElseThrow();
    }

    private List<CampaignView> list() {
        return projection.handle(new ListCampaignsQuery(accountId, null, null, new PageRequest(100, null, null, null, null)))
                .data();
    }
}
