package io.outboundcalls.query.apikey;

import io.outboundcalls.events.account.ApiKeyCreatedEvent;
import io.outboundcalls.events.account.ApiKeyRevokedEvent;
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
import java.util.List;

/**
 * The API keys an account can see (never the secret, never the hash). Revoked keys disappear.
 * <p>
 * The keys' events belong to the account, so the sequence numbers here are the account's. A
 * revocation leaves a tombstone ({@code query.api_key_tombstones}: the key id and the revoking
 * event's sequence), so that a creation delivered again after it (a redelivered batch, a partial
 * replay) does not list the revoked key again; the reset clears it with the keys.
 */
@Component
@ReadModel
@ProcessingGroup(ApiKeyProjection.PROCESSING_GROUP)
public class ApiKeyProjection {

    public static final String PROCESSING_GROUP = "api-keys";
    private static final RowMapper<ApiKeyView> MAPPER = (rs, i) -> new ApiKeyView(rs.getString(1), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant());

    private final JdbcTemplate jdbc;

    ApiKeyProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ApiKeyCreatedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        jdbc.update("""
                insert into query.api_keys (id, account_id, name, prefix, last4, created_at)
                select ?, ?, ?, ?, ?, ?
                where not exists (select 1 from query.api_key_tombstones t where t.id = ? and t.version > ?)
                on conflict (id) do nothing""",
                event.keyId(), event.accountId(), event.name(), event.prefix(), event.last4(), java.sql.Timestamp.from(at),
                event.keyId(), sequence);
    }

    @EventHandler
    void on(ApiKeyRevokedEvent event, @SequenceNumber long sequence) {
        jdbc.update("delete from query.api_keys where id = ?", event.keyId());
        jdbc.update("insert into query.api_key_tombstones (id, version) values (?, ?) on conflict (id) do nothing",
                event.keyId(), sequence);
    }

    @ResetHandler
    void reset() {
        jdbc.update("truncate query.api_keys, query.api_key_tombstones");
    }

    @QueryHandler
    Page<ApiKeyView> handle(ListApiKeysQuery query) {
        return KeysetPager.page(jdbc, "select id, account_id, name, prefix, last4, created_at from query.api_keys",
                List.of("account_id = ?"), List.of(query.accountId()), query.page(), MAPPER);
    }
}
