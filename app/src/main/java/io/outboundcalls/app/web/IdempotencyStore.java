package io.outboundcalls.app.web;

import io.outboundcalls.app.config.OutboundCallsProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Idempotency-Key records in PostgreSQL, so a retry on any node sees the first attempt. */
@Component
class IdempotencyStore {

    /** A request that takes longer than this is presumed dead (its node crashed); its key may be retried. */
    static final Duration IN_FLIGHT_LEASE = Duration.ofMinutes(2);

    record Stored(String fingerprint, boolean done, int status, String contentType, byte[] body,
                  Instant createdAt, Instant lockedUntil) {
    }

    private final JdbcTemplate jdbc;
    private final Duration ttl;

    IdempotencyStore(JdbcTemplate jdbc, OutboundCallsProperties properties) {
        this.jdbc = jdbc;
        this.ttl = properties.idempotencyTtl();
    }

    /** @return true when this request now owns the key */
    boolean claim(String scope, String key, String fingerprint) {
        Instant now = Instant.now();
        jdbc.update("delete from api.idempotency_keys where scope = ? and idempotency_key = ? and created_at < ?",
                scope, key, Timestamp.from(now.minus(ttl)));
        return jdbc.update("""
                insert into api.idempotency_keys (scope, idempotency_key, fingerprint, state, created_at, locked_until)
                values (?, ?, ?, 'in_flight', ?, ?) on conflict do nothing""",
                scope, key, fingerprint, Timestamp.from(now), Timestamp.from(now.plus(IN_FLIGHT_LEASE))) == 1;
    }

    /** Takes over a key whose first request died without an answer. */
    boolean takeOver(String scope, String key, String fingerprint) {
        Instant now = Instant.now();
        return jdbc.update("""
                update api.idempotency_keys set locked_until = ? where scope = ? and idempotency_key = ?
                and fingerprint = ? and state = 'in_flight' and locked_until < ?""",
                Timestamp.from(now.plus(IN_FLIGHT_LEASE)), scope, key, fingerprint, Timestamp.from(now)) == 1;
    }

    Optional<Stored> find(String scope, String key) {
        return jdbc.query("""
                select fingerprint, state, response_status, response_type, response_body, created_at, locked_until
                from api.idempotency_keys where scope = ? and idempotency_key = ?""",
                (rs, i) -> new Stored(rs.getString(1).trim(), "done".equals(rs.getString(2)), rs.getInt(3),
                        rs.getString(4), rs.getBytes(5), rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant()),
                scope, key).stream().findFirst();
    }

    void complete(String scope, String key, int status, String contentType, byte[] body) {
        jdbc.update("""
                update api.idempotency_keys set state = 'done', response_status = ?, response_type = ?, response_body = ?
                where scope = ? and idempotency_key = ?""", status, contentType, body, scope, key);
    }

    void release(String scope, String key) {
        jdbc.update("delete from api.idempotency_keys where scope = ? and idempotency_key = ?", scope, key);
    }

    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    void purgeExpired() {
        jdbc.update("delete from api.idempotency_keys where created_at < ?", Timestamp.from(Instant.now().minus(ttl)));
    }
}
