package io.outboundcalls.app.web;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records when each key was last used. Not an event (it would flood the store); written at most
 * once a minute per key per node, so {@code last_used_at} is accurate to about a minute.
 */
@Component
public class ApiKeyUsage {

    private static final Duration RESOLUTION = Duration.ofMinutes(1);

    private final JdbcTemplate jdbc;
    private final Map<String, Instant> lastWritten = new ConcurrentHashMap<>();

    ApiKeyUsage(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void touch(String keyId) {
        Instant now = Instant.now();
        Instant previous = lastWritten.get(keyId);
        if (previous != null && previous.plus(RESOLUTION).isAfter(now)) {
            return;
        }
        lastWritten.put(keyId, now);
        jdbc.update("""
                insert into api.api_key_usage (key_id, last_used_at) values (?, ?)
                on conflict (key_id) do update set last_used_at = excluded.last_used_at""", keyId, Timestamp.from(now));
    }

    public Optional<Instant> lastUsed(String keyId) {
        return jdbc.query("select last_used_at from api.api_key_usage where key_id = ?",
                (rs, i) -> rs.getTimestamp(1).toInstant(), keyId).stream().findFirst();
    }
}
