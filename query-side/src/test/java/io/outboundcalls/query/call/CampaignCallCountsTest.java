package io.outboundcalls.query.call;

import io.outboundcalls.events.call.CallCompletedEvent;
import io.outboundcalls.events.call.CallFailedEvent;
import io.outboundcalls.events.call.CallOutcome;
import io.outboundcalls.events.call.CallPlacedEvent;
import io.outboundcalls.events.call.CallRingingEvent;
import io.outboundcalls.events.call.CallStartedEvent;
import io.outboundcalls.query.support.ReadModelDatabase;
import io.outboundcalls.query.support.TestIds;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The counts the calls projection keeps per campaign, as a plain object: they always equal what
 * the calls' rows say (the stats computed over every call, as they were before the counts), on
 * redelivery and within a batch.
 */
class CampaignCallCountsTest {

    private static final Instant T0 = Instant.parse("2026-03-25T09:00:00Z");

    private final JdbcTemplate jdbc = ReadModelDatabase.jdbc();
    private final CallProjection projection = new CallProjection(jdbc, CallView::toString);
    private final String accountId = TestIds.next("acct");
    private final String campaignId = TestIds.next("camp");

    @Test
    void redeliveredEventsCountOnce() {
        String first = TestIds.next("call");
        String second = TestIds.next("call");
        String other = TestIds.next("call");
        place(first, "contact_1", 1);
        place(first, "contact_1", 1);
        projection.on(failed(first, "contact_1", true), 1, T0.plusSeconds(3));
        projection.on(failed(first, "contact_1", true), 1, T0.plusSeconds(3));
        place(second, "contact_1", 2);
        projection.on(completed(second, "contact_1", 12), 1, T0.plusSeconds(60));
        projection.on(completed(second, "contact_1", 12), 1, T0.plusSeconds(60));
        place(other, "contact_2", 1);
        projection.on(new CallRingingEvent(other, accountId, campaignId, T0.plusSeconds(1)), 1, T0.plusSeconds(1));

        CampaignCallCounts.Counts counts = CampaignCallCounts.of(jdbc, campaignId);
        assertThat(counts).isEqualTo(new CampaignCallCounts.Counts(3, 1, 1, 12, Map.of("busy", 1, "completed", 1)));
        assertThat(counts).isEqualTo(fromTheRows());
    }

    @Test
    void aCallThatIsRetriedFinishesNothingUntilItsLastAttempt() {
        String call = TestIds.next("call");
        place(call, "contact_1", 1);
        projection.on(failed(call, "contact_1", true), 1, T0.plusSeconds(3));

        CampaignCallCounts.Counts counts = CampaignCallCounts.of(jdbc, campaignId);
        assertThat(counts.inProgress()).isZero();
        assertThat(counts.finished()).isZero();
        assertThat(counts).isEqualTo(fromTheRows());
    }

    @Test
    void aBatchWritesItsSummedCountsWhenItCommits() {
        String[] calls = {TestIds.next("call"), TestIds.next("call"), TestIds.next("call")};
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        try {
            for (int i = 0; i < calls.length; i++) {
                place(calls[i], "contact_" + i, 1);
                projection.on(new CallStartedEvent(calls[i], accountId, campaignId, "contact_" + i, "human", T0), 1, T0);
            }
            projection.on(completed(calls[0], "contact_0", 5), 2, T0.plusSeconds(30));
            projection.on(failed(calls[1], "contact_1", false), 2, T0.plusSeconds(30));

            assertThat(CampaignCallCounts.of(jdbc, campaignId).attempts()).isZero();
            batch.commit();
        } finally {
            if (batch.isActive()) {
                batch.rollback();
            }
        }

        CampaignCallCounts.Counts counts = CampaignCallCounts.of(jdbc, campaignId);
        assertThat(counts).isEqualTo(new CampaignCallCounts.Counts(3, 1, 2, 5, Map.of("busy", 1, "completed", 1)));
        assertThat(counts).isEqualTo(fromTheRows());
    }

    @Test
    void theResetClearsTheCounts() {
        place(TestIds.next("call"), "contact_1", 1);

        projection.reset();

        assertThat(CampaignCallCounts.of(jdbc, campaignId)).isEqualTo(new CampaignCallCounts.Counts(0, 0, 0, 0, Map.of()));
    }

    /** The counts as the stats once computed them over every call: by each contact's latest attempt. */
    private CampaignCallCounts.Counts fromTheRows() {
        Map<String, Object> contacts = jdbc.queryForMap("""
                with latest as (
                    select distinct on (contact_id) contact_id, status, coalesce(retryable, false) as retryable
                    from query.calls where campaign_id = ? order by contact_id, attempt desc)
                select (select count(*) from latest where status in ('queued', 'ringing', 'in_progress')) as in_progress,
                       (select count(*) from latest where status not in ('queued', 'ringing', 'in_progress') and not retryable) as final,
                       (select count(*) from query.calls where campaign_id = ?) as attempts,
                       (select coalesce(sum(credits_charged), 0) from query.calls where campaign_id = ?) as credits""",
                campaignId, campaignId, campaignId);
        Map<String, Integer> outcomes = new java.util.TreeMap<>();
        jdbc.query("select outcome, count(*) from query.calls where campaign_id = ? and outcome is not null group by outcome",
                rs -> {
                    outcomes.put(rs.getString(1), rs.getInt(2));
                }, campaignId);
        return new CampaignCallCounts.Counts(((Number) contacts.get("attempts")).intValue(),
                ((Number) contacts.get("in_progress")).intValue(), ((Number) contacts.get("final")).intValue(),
                ((Number) contacts.get("credits")).longValue(), outcomes);
    }

    private void place(String callId, String contactId, int attempt) {
        projection.on(new CallPlacedEvent(callId, accountId, campaignId, contactId, "agent_1", "+14155550101", null, attempt, 3,
                List.of("busy"), 600, T0), 0, T0);
    }

    private CallFailedEvent failed(String callId, String contactId, boolean retryable) {
        return new CallFailedEvent(callId, accountId, campaignId, contactId, "agent_1", 1, CallOutcome.BUSY, "busy signal",
                retryable, T0.plusSeconds(3), false);
    }

    private CallCompletedEvent completed(String callId, String contactId, long credits) {
        return new CallCompletedEvent(callId, accountId, campaignId, contactId, "agent_1", 1, CallOutcome.COMPLETED, "human",
                "hangup", 55, 60, credits, List.of(), "Booked.", Map.of(), null, false, T0.plusSeconds(60), false);
    }
}
