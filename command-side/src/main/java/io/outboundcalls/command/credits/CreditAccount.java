package io.outboundcalls.command.credits;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.outboundcalls.command.common.CommandRejectedException;
import io.outboundcalls.command.common.CommandRejectedException.Kind;
import io.outboundcalls.command.credits.CreditPurchase.Status;
import io.outboundcalls.events.credits.CreditBalanceLowEvent;
import io.outboundcalls.events.credits.CreditPurchaseDeclinedEvent;
import io.outboundcalls.events.credits.CreditPurchaseRequestedEvent;
import io.outboundcalls.events.credits.CreditsAdjustedEvent;
import io.outboundcalls.events.credits.CreditsDebitedEvent;
import io.outboundcalls.events.credits.CreditsPurchasedEvent;
import io.outboundcalls.events.credits.CreditsReleasedEvent;
import io.outboundcalls.events.credits.CreditsReservedEvent;
import io.outboundcalls.events.credits.LowBalanceThresholdChangedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The prepaid credits of one account. {@code balance} is what the account owns, {@code reserved} what
 * calls in flight hold, {@code available = balance - reserved} what a new call may reserve; it never
 * goes below zero. It exists from the first command sent to it: nobody has to open it.
 * Fields are read by Jackson when a snapshot is taken.
 */
@Aggregate(snapshotTriggerDefinition = CreditsConfiguration.SNAPSHOT_TRIGGER, cache = CreditsConfiguration.CACHE)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class CreditAccount {

    /** Off until the account sets one: nobody is warned about a balance they never asked to watch. */
    static final long DEFAULT_LOW_BALANCE_THRESHOLD = 0;
    /** Settled reservation ids remembered to make a retried settlement a no-op; retries come within minutes. */
    static final int REMEMBERED_SETTLEMENTS = 10_000;
    /** Purchases remembered to recognise a retried request or a second confirmation; people buy credits rarely. */
    static final int REMEMBERED_PURCHASES = 10_000;

    @AggregateIdentifier
    private String creditAccountId;
    private String accountId;
    private long balance;
    private long reserved;
    private long lowBalanceThreshold = DEFAULT_LOW_BALANCE_THRESHOLD;
    private LinkedHashMap<String, Long> openReservations = new LinkedHashMap<>();
    private LinkedHashSet<String> settledReservations = new LinkedHashSet<>();
    private LinkedHashMap<String, CreditPurchase> purchases = new LinkedHashMap<>();

    protected CreditAccount() {
    }

    /**
     * A purchase is accepted here before anyone is charged. Requested again (a retry after its outcome
     * was lost) it changes nothing and answers where the purchase stands, so the caller charges only a
     * pending one, with the same transaction id as the provider's idempotency key.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    CreditPurchase handle(RequestCreditPurchaseCommand command) {
        requireOwnAccount(command.creditAccountId(), command.accountId());
        requirePositive(command.amount());
        CreditPurchase known = purchases.get(command.transactionId());
        if (known != null) {
            if (known.amount() != command.amount() || !Objects.equals(known.provider(), command.provider())) {
                throw new CommandRejectedException(Kind.CONFLICT, "purchase_mismatch", "amount", "Purchase '"
                        + command.transactionId() + "' was requested for " + known.amount() + " credits through "
                        + known.provider() + ", not " + command.amount() + " through " + command.provider());
            }
            return known;
        }
        apply(new CreditPurchaseRequestedEvent(command.creditAccountId(), command.accountId(), command.transactionId(),
                command.amount(), command.provider()));
        return purchases.get(command.transactionId());
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ConfirmCreditPurchaseCommand command) {
        requireOwnAccount(command.creditAccountId(), command.accountId());
        CreditPurchase purchase = pendingPurchase(command.transactionId());
        boolean wasLow = isLow();
        apply(new CreditsPurchasedEvent(creditAccountId, accountId, command.transactionId(), purchase.amount(),
                balance + purchase.amount(), purchase.provider(), command.paymentReference()));
        announceIfNowLow(wasLow);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(DeclineCreditPurchaseCommand command) {
        requireOwnAccount(command.creditAccountId(), command.accountId());
        CreditPurchase purchase = pendingPurchase(command.transactionId());
        apply(new CreditPurchaseDeclinedEvent(creditAccountId, accountId, command.transactionId(), purchase.amount(),
                purchase.provider(), command.reason()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ReserveCreditsCommand command) {
        requireOwnAccount(command.creditAccountId(), command.accountId());
        if (isKnownReservation(command.reservationId())) {
            return; // a retried reservation must not hold the credits twice
        }
        requirePositive(command.credits());
        if (!hasAvailableCredits(command.credits())) {
            throw new InsufficientCreditsException(command.accountId(), available(), command.credits());
        }
        boolean wasLow = isLow();
        apply(new CreditsReservedEvent(command.creditAccountId(), command.accountId(), command.reservationId(),
                command.credits(), command.campaignId(), command.callId(), balance, reserved + command.credits()));
        announceIfNowLow(wasLow);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(DebitCreditsCommand command, CreditPricing pricing) {
        requireOwnAccount(command.creditAccountId(), command.accountId());
        if (settledReservations.contains(command.reservationId())) {
            return; // settling twice is a no-op
        }
        Long held = openReservations.get(command.reservationId());
        if (held == null) {
            throw new CommandRejectedException(Kind.NOT_FOUND, "reservation_not_found", "reservation_id",
                    "No open reservation '" + command.reservationId() + "'");
        }
        long billedSeconds = pricing.billedSeconds(command.billedSeconds());
        // a call that outran its reservation is charged at most what the account can still cover
        long charged = Math.min(pricing.creditsFor(billedSeconds), held + available());
        long consumedHold = Math.min(charged, held);
        boolean wasLow = isLow();
        apply(new CreditsDebitedEvent(creditAccountId, accountId, command.reservationId(), command.callId(),
                command.campaignId(), command.agentId(), billedSeconds, charged, balance - charged,
                reserved - consumedHold));
        long unused = held - consumedHold;
        if (unused > 0) {
            apply(new CreditsReleasedEvent(creditAccountId, accountId, command.reservationId(), unused, balance,
                    reserved - unused));
        }
        announceIfNowLow(wasLow);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(AdjustCreditsCommand command) {
        requireOwnAccount(command.creditAccountId(), command.accountId());
        if (command.amount() == 0) {
            throw new CommandRejectedException(Kind.INVALID, "invalid_amount", "amount", "An adjustment cannot be zero");
        }
        if (command.amount() < 0 && !hasAvailableCredits(-command.amount())) {
            throw new InsufficientCreditsException(command.accountId(), available(), -command.amount());
        }
        boolean wasLow = isLow();
        apply(new CreditsAdjustedEvent(command.creditAccountId(), command.accountId(), command.transactionId(),
                command.amount(), command.reason(), balance + command.amount(), reserved));
        announceIfNowLow(wasLow);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ChangeLowBalanceThresholdCommand command) {
        requireOwnAccount(command.creditAccountId(), command.accountId());
        if (command.threshold() < 0) {
            throw new CommandRejectedException(Kind.INVALID, "invalid_threshold", "low_balance_threshold",
                    "The threshold cannot be negative");
        }
        if (creditAccountId != null && command.threshold() == lowBalanceThreshold) {
            return;
        }
        boolean wasLow = isLow();
        apply(new LowBalanceThresholdChangedEvent(command.creditAccountId(), command.accountId(), command.threshold()));
        announceIfNowLow(wasLow);
    }

    long available() {
        return balance - reserved;
    }

    boolean hasAvailableCredits(long credits) {
        return available() - credits >= 0;
    }

    boolean isLow() {
        return available() < lowBalanceThreshold;
    }

    /** Only a pending purchase can be paid or declined: a purchase ends once. */
    private CreditPurchase pendingPurchase(String transactionId) {
        CreditPurchase purchase = purchases.get(transactionId);
        if (purchase == null) {
            throw new CommandRejectedException(Kind.NOT_FOUND, "purchase_not_found", "transaction_id",
                    "No purchase '" + transactionId + "'");
        }
        if (!purchase.awaitsPayment()) {
            throw new PurchaseNotPendingException(transactionId, purchase.status());
        }
        return purchase;
    }

    private boolean isKnownReservation(String reservationId) {
        return openReservations.containsKey(reservationId) || settledReservations.contains(reservationId);
    }

    /** {@code credits.low} fires on the crossing only; rising back to the threshold re-arms it. */
    private void announceIfNowLow(boolean wasLow) {
        if (!wasLow && isLow()) {
            apply(new CreditBalanceLowEvent(creditAccountId, accountId, balance, reserved, available(),
                    lowBalanceThreshold));
        }
    }

    private static void requireOwnAccount(String creditAccountId, String accountId) {
        if (accountId == null || !CreditAccountIds.of(accountId).equals(creditAccountId)) {
            throw new CommandRejectedException(Kind.INVALID, "invalid_credit_account", "credit_account_id",
                    "Credit account '" + creditAccountId + "' does not belong to account '" + accountId + "'");
        }
    }

    private static void requirePositive(long amount) {
        if (amount <= 0) {
            throw new CommandRejectedException(Kind.INVALID, "invalid_amount", "amount", "The amount must be positive");
        }
    }

    @EventSourcingHandler
    void on(CreditPurchaseRequestedEvent event) {
        identify(event.creditAccountId(), event.accountId());
        remember(event.transactionId(), new CreditPurchase(event.amount(), event.provider(), Status.PENDING, null));
    }

    /** Also the whole story of a purchase stored before purchases were requested first. */
    @EventSourcingHandler
    void on(CreditsPurchasedEvent event) {
        identify(event.creditAccountId(), event.accountId());
        balance = event.balanceAfter();
        remember(event.transactionId(), new CreditPurchase(event.amount(), event.provider(), Status.COMPLETED, null));
    }

    @EventSourcingHandler
    void on(CreditPurchaseDeclinedEvent event) {
        remember(event.transactionId(), new CreditPurchase(event.amount(), event.provider(), Status.DECLINED,
                event.reason()));
    }

    @EventSourcingHandler
    void on(CreditsReservedEvent event) {
        identify(event.creditAccountId(), event.accountId());
        balance = event.balanceAfter();
        reserved = event.reservedAfter();
        openReservations.put(event.reservationId(), event.amount());
    }

    @EventSourcingHandler
    void on(CreditsDebitedEvent event) {
        balance = event.balanceAfter();
        reserved = event.reservedAfter();
        openReservations.remove(event.reservationId());
        settledReservations.add(event.reservationId());
        keepNewest(settledReservations, REMEMBERED_SETTLEMENTS);
    }

    private void remember(String transactionId, CreditPurchase purchase) {
        purchases.put(transactionId, purchase);
        keepNewest(purchases.keySet(), REMEMBERED_PURCHASES);
    }

    /** Insertion-ordered memory: the oldest entries go first. */
    private static void keepNewest(Collection<String> remembered, int limit) {
        Iterator<String> oldest = remembered.iterator();
        while (remembered.size() > limit) {
            oldest.next();
            oldest.remove();
        }
    }

    @EventSourcingHandler
    void on(CreditsReleasedEvent event) {
        balance = event.balanceAfter();
        reserved = event.reservedAfter();
    }

    @EventSourcingHandler
    void on(CreditsAdjustedEvent event) {
        identify(event.creditAccountId(), event.accountId());
        balance = event.balanceAfter();
        reserved = event.reservedAfter();
    }

    @EventSourcingHandler
    void on(LowBalanceThresholdChangedEvent event) {
        identify(event.creditAccountId(), event.accountId());
        lowBalanceThreshold = event.threshold();
    }

    private void identify(String creditAccountId, String accountId) {
        this.creditAccountId = creditAccountId;
        this.accountId = accountId;
    }
}
