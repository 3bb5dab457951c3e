package io.outboundcalls.query.credits;

import io.outboundcalls.events.credits.CreditsAdjustedEvent;
import io.outboundcalls.events.credits.CreditsDebitedEvent;
import io.outboundcalls.events.credits.CreditsPurchasedEvent;
import io.outboundcalls.events.credits.CreditsReleasedEvent;
import io.outboundcalls.events.credits.CreditsReservedEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The audit: folds an account's credit events, read from the event store itself (from sequence 0, never
 * from a snapshot), using only the amounts they carry, and sets the result beside the read model's figures.
 * A difference is reported, never corrected.
 */
@Component
class CreditAuditor {

    private final EventStore eventStore;
    private final CreditBalanceProjection balances;
    private final CreditLedgerProjection ledger;

    CreditAuditor(EventStore eventStore, CreditBalanceProjection balances, CreditLedgerProjection ledger) {
        this.eventStore = eventStore;
        this.balances = balances;
        this.ledger = ledger;
    }

    @QueryHandler
    CreditAuditView handle(AuditCreditsQuery query) {
        Instant asOf = query.asOf() == null ? Instant.now() : query.asOf();
        Fold fold = new Fold();
        DomainEventStream events = eventStore.readEvents(query.creditAccountId(), 0);
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (!event.getTimestamp().isAfter(asOf)) {
                fold.apply(event.getPayload());
            }
        }
        CreditAuditView.Figures fromEvents = new CreditAuditView.Figures(fold.balance, fold.reserved);
        CreditAuditView.Figures readModel;
        String source;
        if (query.asOf() == null) {
            CreditBalanceView balance = balances.handle(new FindCreditBalanceQuery(query.accountId()));
            readModel = new CreditAuditView.Figures(balance.balance(), balance.reserved());
            source = "balance";
        } else {
            readModel = ledger.handle(new FindLastCreditTransactionQuery(query.accountId(), asOf))
                    .map(row -> new CreditAuditView.Figures(row.balanceAfter(), row.reservedAfter()))
                    .orElse(new CreditAuditView.Figures(0, 0));
            source = "ledger";
        }
        return new CreditAuditView(asOf, fromEvents, readModel, source, fromEvents.equals(readModel), fold.replayed);
    }

    /** Balance and holds recomputed from amounts alone: the "after" figures the events also carry are not trusted. */
    private static final class Fold {

        private long balance;
        private long reserved;
        private long replayed;
        private final Map<String, Long> holds = new HashMap<>();

        void apply(Object payload) {
            replayed++;
            if (payload instanceof CreditsPurchasedEvent e) {
                balance += e.amount();
            } else if (payload instanceof CreditsReservedEvent e) {
                reserved += e.amount();
                holds.merge(e.reservationId(), e.amount(), Long::sum);
            } else if (payload instanceof CreditsDebitedEvent e) {
                long consumed = Math.min(e.amount(), holds.getOrDefault(e.reservationId(), 0L));
                balance -= e.amount();
                reserved -= consumed;
                holds.merge(e.reservationId(), -consumed, Long::sum);
            } else if (payload instanceof CreditsReleasedEvent e) {
                reserved -= e.amount();
                holds.remove(e.reservationId());
            } else if (payload instanceof CreditsAdjustedEvent e) {
                balance += e.amount();
            }
        }
    }
}
