package io.outboundcalls.query.credits;

import io.outboundcalls.events.credits.CreditsAdjustedEvent;
import io.outboundcalls.events.credits.CreditsDebitedEvent;
import io.outboundcalls.events.credits.CreditsPurchasedEvent;
import io.outboundcalls.events.credits.CreditsReleasedEvent;
import io.outboundcalls.events.credits.CreditsReservedEvent;
import io.outboundcalls.query.common.AccountRows;
import io.outboundcalls.query.common.KeysetPager;
import io.outboundcalls.query.common.Page;
import io.outboundcalls.query.common.ReadModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The credit ledger: one row per movement, ordered by the account's event sequence (the true order of
 * its movements, whatever the clocks say). A row's key is (account, sequence), so a redelivered event
 * is ignored and a replay rebuilds exactly the same rows.
 */
@Component
@ReadModel
@ProcessingGroup(CreditLedgerProjection.PROCESSING_GROUP)
public class CreditLedgerProjection {

    public static final String PROCESSING_GROUP = "credit-ledger";
    private static final String SELECT = """
            select id, account_id, type, amount, balance_after, reserved_after, reservation_id, call_id, campaign_id,
                   reason, provider, payment_reference, created_at from query.credit_ledger""";
    private static final RowMapper<CreditTransactionView> MAPPER = (rs, i) -> new CreditTransactionView(
            rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
            rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12),
            rs.getTimestamp(13).toInstant());

    private final JdbcTemplate jdbc;

    CreditLedgerProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CreditsPurchasedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        // a purchase leaves the holds as they were
        Long reservedBefore = jdbc.query("select reserved_after from query.credit_ledger where account_id = ? "
                        + "and seq < ? order by seq desc limit 1", (rs, i) -> rs.getLong(1), event.accountId(), sequence)
                .stream().findFirst().orElse(0L);
        // a purchase stored before providers were recorded went through the record-only one, the only one shipped
        String provider = event.provider() != null ? event.provider() : CreditsPurchasedEvent.RECORD_ONLY;
        insert(event.transactionId(), event.accountId(), sequence, "purchase", event.amount(), event.balanceAfter(),
                reservedBefore, null, null, null, null, provider, event.paymentReference(), at);
    }

    @EventHandler
    void on(CreditsReservedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        insert(LedgerIds.of(event.creditAccountId(), sequence), event.accountId(), sequence, "reservation",
                event.amount(), event.balanceAfter(), event.reservedAfter(), event.reservationId(), event.callId(),
                event.campaignId(), null, null, null, at);
    }

    @EventHandler
    void on(CreditsDebitedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        insert(LedgerIds.of(event.creditAccountId(), sequence), event.accountId(), sequence, "charge",
                event.amount(), event.balanceAfter(), event.reservedAfter(), event.reservationId(), event.callId(),
                event.campaignId(), null, null, null, at);
    }

    @EventHandler
    void on(CreditsReleasedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        insert(LedgerIds.of(event.creditAccountId(), sequence), event.accountId(), sequence, "release",
                event.amount(), event.balanceAfter(), event.reservedAfter(), event.reservationId(), null, null, null, null,
                null, at);
    }

    @EventHandler
    void on(CreditsAdjustedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        insert(event.transactionId(), event.accountId(), sequence, "adjustment", event.amount(), event.balanceAfter(),
                event.reservedAfter(), null, null, null, event.reason(), null, null, at);
    }

    private void insert(String id, String accountId, long sequence, String type, long amount, long balanceAfter,
                        long reservedAfter, String reservationId, String callId, String campaignId, String reason,
                        String provider, String paymentReference, Instant at) {
        jdbc.update("""
                insert into query.credit_ledger (id, account_id, seq, type, amount, balance_after, reserved_after,
                    reservation_id, call_id, campaign_id, reason, provider, payment_reference, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                id, accountId, sequence, type, amount, balanceAfter, reservedAfter, reservationId, callId, campaignId,
                reason, provider, paymentReference, java.sql.Timestamp.from(at));
    }

    @ResetHandler
    void reset() {
        jdbc.update("truncate query.credit_ledger");
    }

    @QueryHandler
    Optional<CreditTransactionView> handle(FindCreditTransactionQuery query) {
        return AccountRows.find(jdbc, SELECT + " where id = ?", MAPPER, query.transactionId(), query.accountId(),
                CreditTransactionView::accountId);
    }

    /** The last movement at or before {@code asOf}: the read model's figures at that instant. */
    @QueryHandler
    Optional<CreditTransactionView> handle(FindLastCreditTransactionQuery query) {
        return jdbc.query(SELECT + " where account_id = ? and created_at <= ? order by seq desc limit 1", MAPPER,
                query.accountId(), java.sql.Timestamp.from(query.asOf())).stream().findFirst();
    }

    /** Keyset pagination on the event sequence; the cursor is a transaction id, looked up to its sequence. */
    @QueryHandler
    Page<CreditTransactionView> handle(ListCreditTransactionsQuery query) {
        List<String> where = new ArrayList<>(List.of("account_id = ?"));
        List<Object> args = new ArrayList<>(List.of(query.accountId()));
        if (query.type() != null) {
            where.add("type = ?");
            args.add(query.type());
        }
        return KeysetPager.page(jdbc, SELECT, where, args, query.page(), MAPPER,
                KeysetPager.Key.sequence("query.credit_ledger", query.accountId()));
    }
}
