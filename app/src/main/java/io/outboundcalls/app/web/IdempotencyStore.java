package io.outboundcalls.app.web;

import io.outboundcalls.app.config.OutboundCallsProperties;
import io.outboundcalls.webhooks.crypto.SecretCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Idempotency-Key records in PostgreSQL, so a retry on any node sees the first attempt. Stored
 * responses are sealed: some carry a secret shown only once (a new API key, a webhook signing
 * secret), and the table must not become a second place to read it.
 */
@Component
class IdempotencyStore {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyStore.class);
    private static final int UPGRADE_BATCH = 500;

    /** A request that takes longer than this is presumed dead (its node crashed); its key may be retried. */
    static final Duration IN_FLIGHT_LEASE = Duration.ofMinutes(2);

    record Stored(String fingerprint, boolean done, int status, String contentType, byte[] body,
                  Instant createdAt, Instant lockedUntil) {
    }

    private final JdbcTemplate jdbc;
    private final Duration ttl;
    private final SecretCipher cipher;

    IdempotencyStore(JdbcTemplate jdbc, OutboundCallsProperties properties, SecretCipher cipher) {
        this.jdbc = jdbc;
        this.ttl = properties.idempotencyTtl();
        this.cipher = cipher;
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

    /**
     * The record of a key, its response opened. A response that does not open (the encryption key
     * was replaced) is as good as lost: the record is forgotten and the request runs as a new one.
     */
    Optional<Stored> find(String scope, String key) {
        Optional<Stored> stored = jdbc.query("""
                select fingerprint, state, response_status, response_type, response_body, created_at, locked_until
                from api.idempotency_keys where scope = ? and idempotency_key = ?""",
                (rs, i) -> new Stored(rs.getString(1).trim(), "done".equals(rs.getString(2)), rs.getInt(3),
                        rs.getString(4), rs.getBytes(5), rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant()),
                scope, key).stream().findFirst();
        if (stored.isEmpty() || !SecretCipher.isSealed(stored.get().body())) {
            return stored; // no response yet, or one stored before responses were sealed
        }
        Stored s = stored.get();
        try {
            return Optional.of(new Stored(s.fingerprint(), s.done(), s.status(), s.contentType(),
                    cipher.open(s.body(), context(scope, key)), s.createdAt(), s.lockedUntil()));
        } catch (SecretCipher.UnreadableException e) {
            log.warn("The stored response of an Idempotency-Key does not open with the configured encryption key; "
                    + "forgetting it");
            release(scope, key);
            return Optional.empty();
        }
    }

    void complete(String scope, String key, int status, String contentType, byte[] body) {
        jdbc.update("""
                update api.idempotency_keys set state = 'done', response_status = ?, response_type = ?, response_body = ?
                where scope = ? and idempotency_key = ?""", status, contentType, cipher.seal(body, context(scope, key)),
                scope, key);
    }

    void release(String scope, String key) {
        jdbc.update("delete from api.idempotency_keys where scope = ? and idempotency_key = ?", scope, key);
    }

    /**
     * Seals every stored response not sealed with the current key: those kept in plain text before
     * responses were sealed (a JSON body never starts with {@code v}) and those sealed with a previous
     * key after a rotation. Each row is replaced only if it still holds what was read, so nodes starting
     * together never seal one twice; a response no configured key opens is left for {@link #find} to forget.
     */
    @EventListener(ApplicationReadyEvent.class)
    void sealResponsesWithTheCurrentKey() {
        record Row(String scope, String key, byte[] body) {
        }
        byte[] current = ("v" + cipher.currentVersion() + ":").getBytes(StandardCharsets.US_ASCII);
        int sealed = 0;
        int unreadable = 0;
        Row last = new Row("", "", null);
        List<Row> rows;
        do {
            rows = jdbc.query("""
                    select scope, idempotency_key, response_body from api.idempotency_keys
                    where state = 'done' and response_body is not null
                    and substring(response_body from 1 for ?) <> ? and (scope, idempotency_key) > (?, ?)
                    order by scope, idempotency_key limit ?""", (rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getBytes(3)),
                    current.length, current, last.scope(), last.key(), UPGRADE_BATCH);
            for (Row row : rows) {
                String context = context(row.scope(), row.key());
                byte[] resealed;
                try {
                    resealed = SecretCipher.isSealed(row.body()) ? cipher.reseal(row.body(), context)
                            : cipher.seal(row.body(), context);
                } catch (SecretCipher.UnreadableException e) {
                    unreadable++;
                    continue;
                }
                sealed += jdbc.update("""
                        update api.idempotency_keys set response_body = ?
                        where scope = ? and idempotency_key = ? and response_body = ?""",
                        resealed, row.scope(), row.key(), row.body());
            }
            if (!rows.isEmpty()) {
                last = rows.get(rows.size() - 1);
            }
        } while (rows.size() == UPGRADE_BATCH);
        if (sealed > 0) {
            log.info("Sealed {} stored Idempotency-Key responses with encryption key version {}", sealed,
                    cipher.currentVersion());
        }
        if (unreadable > 0) {
            log.warn("{} stored Idempotency-Key responses open with no configured encryption key; they are forgotten "
                    + "when their key is next used", unreadable);
        }
    }

    /** Binds a sealed response to its key, so it opens for no other. */
    private static String context(String scope, String key) {
        return "idempotency:" + scope + ":" + key;
    }

    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    void purgeExpired() {
        jdbc.update("delete from api.idempotency_keys where created_at < ?", Timestamp.from(Instant.now().minus(ttl)));
    }
}
