package io.outboundcalls.query.credits;

import io.outboundcalls.events.credits.CreditsAdjustedEvent;
import io.outboundcalls.events.credits.CreditsDebitedEvent;
import io.outboundcalls.events.credits.CreditsPurchasedEvent;
import io.outboundcalls.events.credits.CreditsReleasedEvent;
import io.outboundcalls.events.credits.CreditsReservedEvent;
import io.outboundcalls.events.credits.LowBalanceThresholdChangedEvent;
import io.outboundcalls.query.support.ReadModelDatabase;
import io.outboundcalls.query.support.TestIds;
import java.time.Instant;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The balances read model as a plain object: each event sets the figures it carries, never an older event's. */
class CreditBalanceProjectionTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    private final CreditBalanceProjection projection = new CreditBalanceProjection(ReadModelDatabase.jdbc());
    private final String accountId = TestIds.next("acct");
    private final String creditAccountId = "credits-" + accountId;

    @Test
    void anAccountWithoutEventsHasNothing() {
        assertThat(balance()).isEqualTo(new CreditBalanceView(accountId, 0, 0, 0));
    }

    @Test
    void aRedeliveredPurchaseIsNotAddedTwice() {
        projection.on(purchase(1000, 1000), 0, T0);
        projection.on(purchase(1000, 1000), 0, T0);

        assertThat(balance().balance()).isEqualTo(1000);
    }

    @Test
    void movementsInOrderLeaveTheLastFigures() {
        projection.on(purchase(1000, 1000), 0, T0);
        projection.on(new CreditsReservedEvent(creditAccountId, accountId, "res_1", 30, "camp_1", "call_1", 1000, 30), 1, T0);
        projection.on(new CreditsDebitedEvent(creditAccountId, accountId, "res_1", "call_1", "camp_1", "agent_1", 60, 12,
                988, 0), 2, T0);

        assertThat(balance()).isEqualTo(new CreditBalanceView(accountId, 988, 0, 0));
    }

    @Test
    void anOlderMovementArrivingLateDoesNotRollTheBalanceBack() {
        projection.on(purchase(1000, 1000), 0, T0);
        projection.on(new CreditsReservedEvent(creditAccountId, accountId, "res_1", 30, "camp_1", "call_1", 1000, 30), 1, T0);
        projection.on(new CreditsReleasedEvent(creditAccountId, accountId, "res_1", 30, 1000, 0), 2, T0);
        projection.on(new CreditsReservedEvent(creditAccountId, accountId, "res_1", 30, "camp_1", "call_1", 1000, 30), 1, T0);

        assertThat(balance()).isEqualTo(new CreditBalanceView(accountId, 1000, 0, 0));
    }

    @Test
    void anOlderPurchaseArrivingLateDoesNotRollTheBalanceBack() {
        projection.on(purchase(1000, 1000), 0, T0);
        projection.on(new CreditsAdjustedEvent(creditAccountId, accountId, "txn_adj", -100, "refund", 900, 0), 1, T0);
        projection.on(purchase(1000, 1000), 0, T0);

        assertThat(balance().balance()).isEqualTo(900);
    }

    @Test
    void aThresholdChangeKeepsTheBalance() {
        projection.on(purchase(1000, 1000), 0, T0);
        projection.on(new LowBalanceThresholdChangedEvent(creditAccountId, accountId, 200), 1, T0);
        projection.on(new LowBalanceThresholdChangedEvent(creditAccountId, accountId, 200), 1, T0);

        assertThat(balance()).isEqualTo(new CreditBalanceView(accountId, 1000, 0, 200));
    }

    @Test
    void theResetClearsTheBalances() {
        projection.on(purchase(1000, 1000), 0, T0);

        projection.reset();

        assertThat(balance()).isEqualTo(new CreditBalanceView(accountId, 0, 0, 0));
    }

    private CreditsPurchasedEvent purchase(long amount, long balanceAfter) {
        return new CreditsPurchasedEvent(creditAccountId, accountId, TestIds.next("txn"), amount, balanceAfter,
                CreditsPurchasedEvent.RECORD_ONLY, null);
    }

    private CreditBalanceView balance() {
        return projection.handle(new FindCreditBalanceQuery(accountId));
    }
}
