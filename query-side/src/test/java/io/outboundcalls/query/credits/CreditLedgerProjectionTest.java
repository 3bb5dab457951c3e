package io.outboundcalls.query.credits;

import io.outboundcalls.events.credits.CreditsAdjustedEvent;
import io.outboundcalls.events.credits.CreditsDebitedEvent;
import io.outboundcalls.events.credits.CreditsPurchasedEvent;
import io.outboundcalls.events.credits.CreditsReleasedEvent;
import io.outboundcalls.events.credits.CreditsReservedEvent;
import io.outboundcalls.query.common.PageRequest;
import io.outboundcalls.query.support.ReadModelDatabase;
import io.outboundcalls.query.support.TestIds;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The ledger as a plain object: one row per movement, in the account's event order, each with the figures after it. */
class CreditLedgerProjectionTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    private final CreditLedgerProjection projection = new CreditLedgerProjection(ReadModelDatabase.jdbc());
    private final String accountId = TestIds.next("acct");
    private final String creditAccountId = "credits-" + accountId;
    private final String purchaseId = TestIds.next("txn");

    @Test
    void aRedeliveredMovementIsRecordedOnce() {
        projection.on(purchase(), 0, T0);
        projection.on(reserved(), 1, T0.plusSeconds(1));
        projection.on(purchase(), 0, T0);
        projection.on(reserved(), 1, T0.plusSeconds(1));

        assertThat(list(null)).hasSize(2);
    }

    @Test
    void eachMovementCarriesTheFiguresAfterIt() {
        movements();

        assertThat(list(null)).extracting(CreditTransactionView::type, CreditTransactionView::amount,
                        CreditTransactionView::balanceAfter, CreditTransactionView::reservedAfter)
                .containsExactly(
                        tuple("adjustment", -50L, 938L, 0L),
                        tuple("charge", 12L, 988L, 0L),
                        tuple("reservation", 30L, 1000L, 30L),
                        tuple("purchase", 1000L, 1000L, 0L));
    }

    @Test
    void movementsDeliveredOutOfOrderAreListedInTheAccountsOrder() {
        projection.on(debited(), 2, T0.plusSeconds(2));
        projection.on(purchase(), 0, T0);
        projection.on(reserved(), 1, T0.plusSeconds(1));

        assertThat(list(null)).extracting(CreditTransactionView::type).containsExactly("charge", "reservation", "purchase");
    }

    @Test
    void aPurchaseKeepsTheHoldsOfTheMovementBeforeIt() {
        projection.on(purchase(), 0, T0);
        projection.on(reserved(), 1, T0.plusSeconds(1));
        projection.on(new CreditsPurchasedEvent(creditAccountId, accountId, TestIds.next("txn"), 500, 1500, null, null), 2,
                T0.plusSeconds(2));

        CreditTransactionView second = list("purchase").get(0);
        assertThat(second.reservedAfter()).isEqualTo(30);
        assertThat(second.availableAfter()).isEqualTo(1470);
        assertThat(second.provider()).isEqualTo(CreditsPurchasedEvent.RECORD_ONLY);
    }

    @Test
    void aReleaseGivesTheHoldBack() {
        projection.on(purchase(), 0, T0);
        projection.on(reserved(), 1, T0.plusSeconds(1));
        projection.on(new CreditsReleasedEvent(creditAccountId, accountId, "res_1", 30, 1000, 0), 2, T0.plusSeconds(2));

        CreditTransactionView release = list("release").get(0);
        assertThat(release.reservationId()).isEqualTo("res_1");
        assertThat(release.availableAfter()).isEqualTo(1000);
    }

    @Test
    void theLastMovementAtAnInstantGivesTheFiguresThen() {
        movements();

        CreditTransactionView then = projection.handle(new FindLastCreditTransactionQuery(accountId, T0.plusSeconds(1)))
                .orElseThrow();
        assertThat(then.type()).isEqualTo("reservation");
        assertThat(then.availableAfter()).isEqualTo(970);
    }

    @Test
    void aMovementIsFoundByItsIdInItsAccountOnly() {
        projection.on(purchase(), 0, T0);

        assertThat(projection.handle(new FindCreditTransactionQuery(accountId, purchaseId))).isPresent();
        assertThat(projection.handle(new FindCreditTransactionQuery("acct_other", purchaseId))).isEmpty();
    }

    @Test
    void theResetClearsTheLedger() {
        movements();

        projection.reset();

        assertThat(list(null)).isEmpty();
    }

    private void movements() {
        projection.on(purchase(), 0, T0);
        projection.on(reserved(), 1, T0.plusSeconds(1));
        projection.on(debited(), 2, T0.plusSeconds(2));
        projection.on(new CreditsAdjustedEvent(creditAccountId, accountId, TestIds.next("txn"), -50, "goodwill", 938, 0), 3,
                T0.plusSeconds(3));
    }

    private CreditsPurchasedEvent purchase() {
        return new CreditsPurchasedEvent(creditAccountId, accountId, purchaseId, 1000, 1000, "record_only", "ref-1");
    }

    private CreditsReservedEvent reserved() {
        return new CreditsReservedEvent(creditAccountId, accountId, "res_1", 30, "camp_1", "call_1", 1000, 30);
    }

    private CreditsDebitedEvent debited() {
        return new CreditsDebitedEvent(creditAccountId, accountId, "res_1", "call_1", "camp_1", "agent_1", 60, 12, 988, 0);
    }

    private List<CreditTransactionView> list(String type) {
        return projection.handle(new ListCreditTransactionsQuery(accountId, type, new PageRequest(100, null, null, null, null)))
                .data();
    }
}
