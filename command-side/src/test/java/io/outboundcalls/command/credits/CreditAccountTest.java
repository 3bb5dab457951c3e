package io.outboundcalls.command.credits;

import io.outboundcalls.command.common.CommandRejectedException;
import io.outboundcalls.events.credits.CreditBalanceLowEvent;
import io.outboundcalls.events.credits.CreditPurchaseDeclinedEvent;
import io.outboundcalls.events.credits.CreditPurchaseRequestedEvent;
import io.outboundcalls.events.credits.CreditsAdjustedEvent;
import io.outboundcalls.events.credits.CreditsDebitedEvent;
import io.outboundcalls.events.credits.CreditsPurchasedEvent;
import io.outboundcalls.events.credits.CreditsReleasedEvent;
import io.outboundcalls.events.credits.CreditsReservedEvent;
import io.outboundcalls.events.credits.LowBalanceThresholdChangedEvent;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CreditAccountTest {

    private static final String ACCOUNT = "acct_1";
    private static final String CREDITS = CreditAccountIds.of(ACCOUNT);

    private AggregateTestFixture<CreditAccount> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CreditAccount.class);
        fixture.registerInjectableResource(new CreditPricing(10, 6));
    }

    private static final String PROVIDER = "test_provider";

    private static CreditsPurchasedEvent purchased(long amount, long balanceAfter) {
        return purchased("txn_" + balanceAfter, amount, balanceAfter);
    }

    private static CreditsPurchasedEvent purchased(String transactionId, long amount, long balanceAfter) {
        return new CreditsPurchasedEvent(CREDITS, ACCOUNT, transactionId, amount, balanceAfter, PROVIDER,
                "ref_" + transactionId);
    }

    private static CreditPurchaseRequestedEvent requested(String transactionId, long amount) {
        return new CreditPurchaseRequestedEvent(CREDITS, ACCOUNT, transactionId, amount, PROVIDER);
    }

    private static RequestCreditPurchaseCommand request(String transactionId, long amount) {
        return new RequestCreditPurchaseCommand(CREDITS, ACCOUNT, transactionId, amount, PROVIDER);
    }

    private static ConfirmCreditPurchaseCommand confirm(String transactionId) {
        return new ConfirmCreditPurchaseCommand(CREDITS, ACCOUNT, transactionId, "ref_" + transactionId);
    }

    private static CreditsReservedEvent reserved(String id, long amount, long balance, long reservedAfter) {
        return new CreditsReservedEvent(CREDITS, ACCOUNT, id, amount, "camp_1", "call_" + id, balance, reservedAfter);
    }

    private static ReserveCreditsCommand reserve(String id, long credits) {
        return new ReserveCreditsCommand(CREDITS, ACCOUNT, id, credits, "camp_1", "call_" + id);
    }

    private static DebitCreditsCommand debit(String id, long seconds) {
        return new DebitCreditsCommand(CREDITS, ACCOUNT, id, seconds, "call_" + id, "camp_1", "agent_1");
    }

    @Test
    void firstPurchaseRequestCreatesTheAccountWithoutAddingCredits() {
        fixture.givenNoPriorActivity()
                .when(request("txn_1", 100))
                .expectSuccessfulHandlerExecution()
                .expectEvents(requested("txn_1", 100))
                .expectResultMessagePayload(new CreditPurchase(100, PROVIDER, CreditPurchase.Status.PENDING, null));
    }

    @Test
    void confirmedPurchaseAddsItsCreditsWithTheProviderAndItsReference() {
        fixture.given(purchased(100, 100), requested("txn_2", 50))
                .when(confirm("txn_2"))
                .expectEvents(purchased("txn_2", 50, 150));
    }

    @Test
    void declinedPurchaseAddsNothing() {
        fixture.given(purchased(100, 100), requested("txn_2", 50))
                .when(new DeclineCreditPurchaseCommand(CREDITS, ACCOUNT, "txn_2", "card expired"))
                .expectEvents(new CreditPurchaseDeclinedEvent(CREDITS, ACCOUNT, "txn_2", 50, PROVIDER, "card expired"));
    }

    @Test
    void cannotConfirmAPurchaseTwice() {
        fixture.given(requested("txn_1", 100), purchased("txn_1", 100, 100))
                .when(confirm("txn_1"))
                .expectNoEvents()
                .expectException(PurchaseNotPendingException.class)
                .expectExceptionMessage("Purchase 'txn_1' is already completed");
    }

    @Test
    void cannotConfirmAnUnknownPurchase() {
        fixture.given(purchased(100, 100))
                .when(confirm("txn_nope"))
                .expectNoEvents()
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage("No purchase 'txn_nope'");
    }

    @Test
    void cannotConfirmADeclinedPurchase() {
        fixture.given(requested("txn_1", 100),
                        new CreditPurchaseDeclinedEvent(CREDITS, ACCOUNT, "txn_1", 100, PROVIDER, "insufficient funds"))
                .when(confirm("txn_1"))
                .expectNoEvents()
                .expectException(PurchaseNotPendingException.class);
    }

    @Test
    void cannotConfirmAPurchaseStoredBeforePurchasesWereRequested() {
        // the only event of such a purchase, as older versions stored it: no provider, no reference
        fixture.given(new CreditsPurchasedEvent(CREDITS, ACCOUNT, "txn_old", 100, 100, null, null))
                .when(confirm("txn_old"))
                .expectNoEvents()
                .expectException(PurchaseNotPendingException.class);
    }

    @Test
    void requestingAPendingPurchaseAgainChangesNothingAndAnswersItIsPending() {
        fixture.given(requested("txn_1", 100))
                .when(request("txn_1", 100))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(new CreditPurchase(100, PROVIDER, CreditPurchase.Status.PENDING, null));
    }

    @Test
    void requestingACompletedPurchaseAgainAnswersItsOutcome() {
        fixture.given(requested("txn_1", 100), purchased("txn_1", 100, 100))
                .when(request("txn_1", 100))
                .expectNoEvents()
                .expectResultMessagePayload(new CreditPurchase(100, PROVIDER, CreditPurchase.Status.COMPLETED, null));
    }

    @Test
    void requestingADeclinedPurchaseAgainAnswersItsOutcome() {
        fixture.given(requested("txn_1", 100),
                        new CreditPurchaseDeclinedEvent(CREDITS, ACCOUNT, "txn_1", 100, PROVIDER, "insufficient funds"))
                .when(request("txn_1", 100))
                .expectNoEvents()
                .expectResultMessagePayload(new CreditPurchase(100, PROVIDER, CreditPurchase.Status.DECLINED,
                        "insufficient funds"));
    }

    @Test
    void aKnownPurchaseRequestedWithAnotherAmountOrProviderIsRefused() {
        fixture.given(requested("txn_1", 100))
                .when(request("txn_1", 101))
                .expectNoEvents()
                .expectException(CommandRejectedException.class);
        fixture.given(requested("txn_1", 100))
                .when(new RequestCreditPurchaseCommand(CREDITS, ACCOUNT, "txn_1", 100, "other_provider"))
                .expectNoEvents()
                .expectException(CommandRejectedException.class);
    }

    @Test
    void cannotPurchaseANonPositiveAmount() {
        fixture.given(purchased(100, 100))
                .when(request("txn_x", 0))
                .expectException(CommandRejectedException.class)
                .expectNoEvents();
    }

    @Test
    void cannotActOnAnotherAccountsCredits() {
        fixture.givenNoPriorActivity()
                .when(new RequestCreditPurchaseCommand(CREDITS, "acct_other", "txn_x", 10, PROVIDER))
                .expectException(CommandRejectedException.class);
    }

    @Test
    void reservationHoldsAvailableCredits() {
        fixture.given(purchased(100, 100))
                .when(reserve("r1", 60))
                .expectEvents(reserved("r1", 60, 100, 60));
    }

    @Test
    void reservationOnANewAccountIsRefusedAsInsufficient() {
        fixture.givenNoPriorActivity()
                .when(reserve("r1", 10))
                .expectException(InsufficientCreditsException.class)
                .expectNoEvents();
    }

    @Test
    void reservationBeyondAvailableIsRefused() {
        fixture.given(purchased(100, 100), reserved("r1", 60, 100, 60))
                .when(reserve("r2", 41))
                .expectNoEvents()
                .expectExceptionMessage("Not enough credits: 41 requested, 40 available");
    }

    @Test
    void reservationOfExactlyTheAvailableCreditsIsAccepted() {
        fixture.given(purchased(100, 100), reserved("r1", 60, 100, 60))
                .when(reserve("r2", 40))
                .expectEvents(reserved("r2", 40, 100, 100));
    }

    @Test
    void sameReservationTwiceIsANoOp() {
        fixture.given(purchased(100, 100), reserved("r1", 60, 100, 60))
                .when(reserve("r1", 60))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void settlementChargesBilledSecondsAndReleasesTheRest() {
        // 61 s -> 66 billed seconds -> 11 credits at 10 per minute; 60 were held
        fixture.given(purchased(100, 100), reserved("r1", 60, 100, 60))
                .when(debit("r1", 61))
                .expectEvents(
                        new CreditsDebitedEvent(CREDITS, ACCOUNT, "r1", "call_r1", "camp_1", "agent_1", 66, 11, 89, 49),
                        new CreditsReleasedEvent(CREDITS, ACCOUNT, "r1", 49, 89, 0));
    }

    @Test
    void callThatNeverConnectedCostsNothingAndReleasesEverything() {
        fixture.given(purchased(100, 100), reserved("r1", 60, 100, 60))
                .when(debit("r1", 0))
                .expectEvents(
                        new CreditsDebitedEvent(CREDITS, ACCOUNT, "r1", "call_r1", "camp_1", "agent_1", 0, 0, 100, 60),
                        new CreditsReleasedEvent(CREDITS, ACCOUNT, "r1", 60, 100, 0));
    }

    @Test
    void settlingTwiceIsANoOp() {
        fixture.given(purchased(100, 100), reserved("r1", 60, 100, 60),
                        new CreditsDebitedEvent(CREDITS, ACCOUNT, "r1", "call_r1", "camp_1", "agent_1", 66, 11, 89, 49),
                        new CreditsReleasedEvent(CREDITS, ACCOUNT, "r1", 49, 89, 0))
                .when(debit("r1", 61))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void settlingAnUnknownReservationIsRejected() {
        fixture.given(purchased(100, 100))
                .when(debit("nope", 30))
                .expectNoEvents()
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage("No open reservation 'nope'");
    }

    @Test
    void callThatOutranItsReservationIsChargedOnlyWhatTheAccountCovers() {
        // 10 held, 5 more available; a 10 minute call would cost 100
        fixture.given(purchased(15, 15), reserved("r1", 10, 15, 10))
                .when(debit("r1", 600))
                .expectEvents(
                        new CreditsDebitedEvent(CREDITS, ACCOUNT, "r1", "call_r1", "camp_1", "agent_1", 600, 15, 0, 0));
    }

    @Test
    void lowBalanceFiresOnceWhenAvailableCrossesBelowTheThreshold() {
        fixture.given(purchased(100, 100), new LowBalanceThresholdChangedEvent(CREDITS, ACCOUNT, 50))
                .when(reserve("r1", 60))
                .expectEvents(reserved("r1", 60, 100, 60),
                        new CreditBalanceLowEvent(CREDITS, ACCOUNT, 100, 60, 40, 50));
    }

    @Test
    void lowBalanceDoesNotFireAgainWhileStillBelow() {
        fixture.given(purchased(100, 100), new LowBalanceThresholdChangedEvent(CREDITS, ACCOUNT, 50),
                        reserved("r1", 60, 100, 60), new CreditBalanceLowEvent(CREDITS, ACCOUNT, 100, 60, 40, 50))
                .when(reserve("r2", 10))
                .expectEvents(reserved("r2", 10, 100, 70));
    }

    @Test
    void lowBalanceReArmsWhenAvailableRisesBackAndFiresAgain() {
        fixture.given(purchased(100, 100), new LowBalanceThresholdChangedEvent(CREDITS, ACCOUNT, 50),
                        reserved("r1", 60, 100, 60), new CreditBalanceLowEvent(CREDITS, ACCOUNT, 100, 60, 40, 50),
                        purchased(100, 200), reserved("r2", 80, 200, 140))
                .when(reserve("r3", 15))
                .expectEvents(reserved("r3", 15, 200, 155),
                        new CreditBalanceLowEvent(CREDITS, ACCOUNT, 200, 155, 45, 50));
    }

    @Test
    void raisingTheThresholdAboveAvailableFiresLowBalance() {
        fixture.given(purchased(100, 100))
                .when(new ChangeLowBalanceThresholdCommand(CREDITS, ACCOUNT, 500))
                .expectEvents(new LowBalanceThresholdChangedEvent(CREDITS, ACCOUNT, 500),
                        new CreditBalanceLowEvent(CREDITS, ACCOUNT, 100, 0, 100, 500));
    }

    @Test
    void loweringTheThresholdBelowAvailableFiresNothing() {
        fixture.given(purchased(100, 100), new LowBalanceThresholdChangedEvent(CREDITS, ACCOUNT, 500))
                .when(new ChangeLowBalanceThresholdCommand(CREDITS, ACCOUNT, 20))
                .expectEvents(new LowBalanceThresholdChangedEvent(CREDITS, ACCOUNT, 20));
    }

    @Test
    void sameThresholdAgainIsANoOp() {
        fixture.given(purchased(100, 100), new LowBalanceThresholdChangedEvent(CREDITS, ACCOUNT, 20))
                .when(new ChangeLowBalanceThresholdCommand(CREDITS, ACCOUNT, 20))
                .expectNoEvents();
    }

    @Test
    void negativeThresholdIsRejected() {
        fixture.given(purchased(100, 100))
                .when(new ChangeLowBalanceThresholdCommand(CREDITS, ACCOUNT, -1))
                .expectException(CommandRejectedException.class);
    }

    @Test
    void adjustmentChangesTheBalance() {
        fixture.given(purchased(100, 100), reserved("r1", 60, 100, 60))
                .when(new AdjustCreditsCommand(CREDITS, ACCOUNT, "txn_adj", -40, "refund"))
                .expectEvents(new CreditsAdjustedEvent(CREDITS, ACCOUNT, "txn_adj", -40, "refund", 60, 60));
    }

    @Test
    void negativeAdjustmentCannotTakeAvailableBelowZero() {
        fixture.given(purchased(100, 100), reserved("r1", 60, 100, 60))
                .when(new AdjustCreditsCommand(CREDITS, ACCOUNT, "txn_adj", -41, "refund"))
                .expectException(InsufficientCreditsException.class);
    }

    @Test
    void pricingRoundsUpToTheBillingIncrement() {
        CreditPricing pricing = new CreditPricing(10, 6);
        assertThat(pricing.billedSeconds(0)).isZero();
        assertThat(pricing.billedSeconds(1)).isEqualTo(6);
        assertThat(pricing.billedSeconds(6)).isEqualTo(6);
        assertThat(pricing.billedSeconds(7)).isEqualTo(12);
        assertThat(pricing.creditsFor(0)).isZero();
        assertThat(pricing.creditsFor(1)).isEqualTo(1);
        assertThat(pricing.creditsFor(60)).isEqualTo(10);
        assertThat(pricing.creditsFor(61)).isEqualTo(11);
        assertThat(new CreditPricing(1, 6).creditsFor(6)).isEqualTo(1);
    }
}
