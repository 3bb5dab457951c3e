package io.outboundcalls.query.credits;

import io.outboundcalls.events.credits.CreditsDebitedEvent;
import io.outboundcalls.query.support.ReadModelDatabase;
import io.outboundcalls.query.support.TestIds;
import java.time.Instant;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Usage as a plain object: one row per settled call, so a redelivered charge is never summed twice. */
class CreditUsageProjectionTest {

    private static final Instant DAY_1 = Instant.parse("2026-03-01T09:00:00Z");
    private static final Instant DAY_2 = Instant.parse("2026-03-02T09:00:00Z");

    private final CreditUsageProjection projection = new CreditUsageProjection(ReadModelDatabase.jdbc());
    private final String accountId = TestIds.next("acct");

    @Test
    void aRedeliveredChargeIsCountedOnce() {
        projection.on(charge("res_1", "camp_a", "agent_a", 60, 12), DAY_1);
        projection.on(charge("res_1", "camp_a", "agent_a", 60, 12), DAY_1);

        CreditUsageView usage = usage(null, null, CreditUsageQuery.GroupBy.DAY);
        assertThat(usage.totalCalls()).isEqualTo(1);
        assertThat(usage.totalCredits()).isEqualTo(12);
        assertThat(usage.totalBilledSeconds()).isEqualTo(60);
    }

    @Test
    void usageIsSummedByDay() {
        charges();

        assertThat(usage(null, null, CreditUsageQuery.GroupBy.DAY).groups())
                .extracting(CreditUsageView.Group::key, CreditUsageView.Group::calls, CreditUsageView.Group::billedSeconds,
                        CreditUsageView.Group::credits)
                .containsExactly(tuple("2026-03-01", 2L, 90L, 18L), tuple("2026-03-02", 1L, 120L, 24L));
    }

    @Test
    void usageIsSummedByCampaignAndByAgent() {
        charges();

        assertThat(usage(null, null, CreditUsageQuery.GroupBy.CAMPAIGN).groups())
                .extracting(CreditUsageView.Group::key, CreditUsageView.Group::credits)
                .containsExactly(tuple("camp_a", 36L), tuple("camp_b", 6L));
        assertThat(usage(null, null, CreditUsageQuery.GroupBy.AGENT).groups())
                .extracting(CreditUsageView.Group::key, CreditUsageView.Group::credits)
                .containsExactly(tuple("agent_a", 12L), tuple("agent_b", 30L));
    }

    @Test
    void thePeriodIncludesItsStartAndExcludesItsEnd() {
        charges();

        CreditUsageView usage = usage(DAY_1, DAY_2, CreditUsageQuery.GroupBy.DAY);
        assertThat(usage.totalCalls()).isEqualTo(2);
        assertThat(usage.totalCredits()).isEqualTo(18);
    }

    @Test
    void theResetClearsTheUsage() {
        charges();

        projection.reset();

        assertThat(usage(null, null, CreditUsageQuery.GroupBy.DAY).totalCalls()).isZero();
    }

    private void charges() {
        projection.on(charge("res_1", "camp_a", "agent_a", 60, 12), DAY_1);
        projection.on(charge("res_2", "camp_b", "agent_b", 30, 6), DAY_1.plusSeconds(60));
        projection.on(charge("res_3", "camp_a", "agent_b", 120, 24), DAY_2);
    }

    private CreditsDebitedEvent charge(String reservationId, String campaignId, String agentId, long seconds, long credits) {
        return new CreditsDebitedEvent("credits-" + accountId, accountId, reservationId, "call_" + reservationId, campaignId,
                agentId, seconds, credits, 0, 0);
    }

    private CreditUsageView usage(Instant start, Instant end, CreditUsageQuery.GroupBy groupBy) {
        return projection.handle(new CreditUsageQuery(accountId, start, end, groupBy));
    }
}
