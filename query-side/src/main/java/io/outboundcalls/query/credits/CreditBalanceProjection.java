package io.outboundcalls.query.credits;

import io.outboundcalls.events.credits.CreditsAdjustedEvent;
import io.outboundcalls.events.credits.CreditsDebitedEvent;
import io.outboundcalls.events.credits.CreditsPurchasedEvent;
import io.outboundcalls.events.credits.CreditsReleasedEvent;
import io.outboundcalls.events.credits.CreditsReservedEvent;
import io.outboundcalls.events.credits.LowBalanceThresholdChangedEvent;
import io.outboundcalls.query.common.ReadModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * The balance of each account. Events carry the figures after the movement, so each handler sets
 * them; the row's version (the event's sequence number) keeps a redelivered event from moving it back.
 */
@Component
@ReadModel
@ProcessingGroup(CreditBalanceProjection.PROCESSING_GROUP)
public class CreditBalanceProjection {

    public static final String PROCESSING_GROUP = "credit-balances";

    private final JdbcTemplate jdbc;

    CreditBalanceProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CreditsPurchasedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        jdbc.update("""
                insert into query.credit_balances (account_id, balance, reserved, low_balance_threshold, version, updated_at)
                values (?, ?, 0, 0, ?, ?)
                on conflict (account_id) do update set balance = excluded.balance, version = excluded.version,
                    updated_at = excluded.updated_at
                where query.credit_balances.version < excluded.version""",
                event.accountId(), event.balanceAfter(), sequence, java.sql.Timestamp.from(at));
    }

    @EventHandler
    void on(CreditsReservedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        setFigures(event.accountId(), event.balanceAfter(), event.reservedAfter(), sequence, at);
    }

    @EventHandler
    void on(CreditsDebitedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        setFigures(event.accountId(), event.balanceAfter(), event.reservedAfter(), sequence, at);
    }

    @EventHandler
    void on(CreditsReleasedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        setFigures(event.accountId(), event.balanceAfter(), event.reservedAfter(), sequence, at);
    }

    @EventHandler
    void on(CreditsAdjustedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        setFigures(event.accountId(), event.balanceAfter(), event.reservedAfter(), sequence, at);
    }

    @EventHandler
    void on(LowBalanceThresholdChangedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        jdbc.update("""
                insert into query.credit_balances (account_id, balance, reserved, low_balance_threshold, version, updated_at)
                values (?, 0, 0, ?, ?, ?)
                on conflict (account_id) do update set low_balance_threshold = excluded.low_balance_threshold,
                    version = excluded.version, updated_at = excluded.updated_at
                where query.credit_balances.version < excluded.version""",
                event.accountId(), event.threshold(), sequence, java.sql.Timestamp.from(at));
    }

    private void setFigures(String accountId, long balance, long reserved, long sequence, Instant at) {
        jdbc.update("""
                insert into query.credit_balances (account_id, balance, reserved, low_balance_threshold, version, updated_at)
                values (?, ?, ?, 0, ?, ?)
                on conflict (account_id) do update set balance = excluded.balance, reserved = excluded.reserved,
                    version = excluded.version, updated_at = excluded.updated_at
                where query.credit_balances.version < excluded.version""",
                accountId, balance, reserved, sequence, java.sql.Timestamp.from(at));
    }

    @ResetHandler
    void reset() {
        jdbc.update("truncate query.credit_balances");
    }

    @QueryHandler
    CreditBalanceView handle(FindCreditBalanceQuery query) {
        return jdbc.query("select balance, reserved, low_balance_threshold from query.credit_balances where account_id = ?",
                        (rs, i) -> new CreditBalanceView(query.accountId(), rs.getLong(1), rs.getLong(2), rs.getLong(3)),
                        query.accountId())
                .stream().findFirst().orElse(new CreditBalanceView(query.accountId(), 0, 0, 0));
    }
}
