package io.outboundcalls.command.account;

import io.outboundcalls.events.account.AccountCreatedEvent;
import io.outboundcalls.events.account.AccountLimits;
import io.outboundcalls.events.account.AccountUpdatedEvent;
import io.outboundcalls.events.account.ApiKeyCreatedEvent;
import io.outboundcalls.events.account.ApiKeyRevokedEvent;
import io.outboundcalls.events.account.LegalCallingWindow;
import io.outboundcalls.events.account.LegalCallingWindowChangedEvent;
import io.outboundcalls.events.account.Tier;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The command side's lookup of accounts and API key hashes. It runs in a subscribing processor,
 * so it is written in the same transaction as the events: a revoked key stops working on the very
 * next request, and the UNIQUE key hash is a set-based guarantee, not a read-model race.
 */
@Component
@ProcessingGroup(AccountRegistry.PROCESSING_GROUP)
public class AccountRegistry {

    public static final String PROCESSING_GROUP = "account-registry";
    /**
     * PostgreSQL {@code NOTIFY} channel on which every change to what {@link #findByKeyHash} answers
     * is announced, in the changing transaction (so it is delivered when, and only if, it commits):
     * payload {@code key:<key id>} for a revoked key, {@code account:<account id>} for changed
     * limits. Nodes that cache principals drop them on it.
     */
    public static final String CHANGES_CHANNEL = "registry_changes";
    public static final String KEY_PREFIX = "key:";
    public static final String ACCOUNT_PREFIX = "account:";

    private final JdbcTemplate jdbc;

    AccountRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The account an API key acts for, with what decides its limits. */
    public record Principal(String accountId, String keyId, Tier tier, AccountLimits limits) {
    }

    public record AccountRecord(String accountId, String name, Tier tier, AccountLimits limits,
                                Instant createdAt, Instant updatedAt, LegalCallingWindow legalCallingWindow) {
    }

    @EventHandler
    void on(AccountCreatedEvent event, @Timestamp Instant at) {
        AccountLimits l = limitsOf(event.limits());
        jdbc.update("""
                insert into registry.accounts (account_id, name, tier, requests_per_minute, burst_per_second,
                    concurrent_requests, concurrent_calls, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (account_id) do nothing""",
                event.accountId(), event.name(), event.tier().name(), l.requestsPerMinute(), l.burstPerSecond(),
                l.concurrentRequests(), l.concurrentCalls(), java.sql.Timestamp.from(at), java.sql.Timestamp.from(at));
    }

    @EventHandler
    void on(AccountUpdatedEvent event, @Timestamp Instant at) {
        AccountLimits l = limitsOf(event.limits());
        jdbc.update("""
                update registry.accounts set name = ?, tier = ?, requests_per_minute = ?, burst_per_second = ?,
                    concurrent_requests = ?, concurrent_calls = ?, updated_at = ? where account_id = ?""",
                event.name(), event.tier().name(), l.requestsPerMinute(), l.burstPerSecond(),
                l.concurrentRequests(), l.concurrentCalls(), java.sql.Timestamp.from(at), event.accountId());
        announce(ACCOUNT_PREFIX + event.accountId());
    }

    @EventHandler
    void on(LegalCallingWindowChangedEvent event, @Timestamp Instant at) {
        jdbc.update("update registry.accounts set legal_window_start = ?, legal_window_end = ?, updated_at = ? where account_id = ?",
                event.window().start(), event.window().end(), java.sql.Timestamp.from(at), event.accountId());
    }

    @EventHandler
    void on(ApiKeyCreatedEvent event) {
        jdbc.update("insert into registry.api_keys (key_hash, key_id, account_id) values (?, ?, ?)",
                event.keyHash(), event.keyId(), event.accountId());
    }

    @EventHandler
    void on(ApiKeyRevokedEvent event) {
        jdbc.update("delete from registry.api_keys where key_id = ?", event.keyId());
        announce(KEY_PREFIX + event.keyId());
    }

    private void announce(String change) {
        jdbc.query("select pg_notify(?, ?)", rs -> null, CHANGES_CHANNEL, change);
    }

    public Optional<Principal> findByKeyHash(String keyHash) {
        List<Principal> found = jdbc.query("""
                select k.account_id, k.key_id, a.tier, a.requests_per_minute, a.burst_per_second,
                       a.concurrent_requests, a.concurrent_calls
                from registry.api_keys k join registry.accounts a on a.account_id = k.account_id
                where k.key_hash = ?""",
                (rs, i) -> new Principal(rs.getString(1), rs.getString(2), Tier.valueOf(rs.getString(3)), limits(rs, 4)),
                keyHash);
        return found.stream().findFirst();
    }

    public Optional<AccountRecord> findAccount(String accountId) {
        return jdbc.query("""
                select account_id, name, tier, requests_per_minute, burst_per_second, concurrent_requests,
                       concurrent_calls, created_at, updated_at, legal_window_start, legal_window_end
                from registry.accounts where account_id = ?""",
                (rs, i) -> new AccountRecord(rs.getString(1), rs.getString(2), Tier.valueOf(rs.getString(3)),
                        limits(rs, 4), rs.getTimestamp(8).toInstant(), rs.getTimestamp(9).toInstant(),
                        LegalCallingWindow.orDefault(rs.getString(10), rs.getString(11))),
                accountId).stream().findFirst();
    }

    public boolean anyAccountExists() {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from registry.accounts)", Boolean.class));
    }

    private static AccountLimits limitsOf(AccountLimits limits) {
        return limits == null ? AccountLimits.NONE : limits;
    }

    private static AccountLimits limits(ResultSet rs, int first) throws SQLException {
        return new AccountLimits(intOrNull(rs, first), intOrNull(rs, first + 1), intOrNull(rs, first + 2), intOrNull(rs, first + 3));
    }

    private static Integer intOrNull(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
