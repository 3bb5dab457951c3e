package io.outboundcalls.webhooks.delivery;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The delivery outbox table: claiming due rows, recording attempts, the log, resends. */
@Component
public class Deliveries {

    /** For keyset pagination ({@code id} is time-ordered by the event's time). */
    public static final String SELECT = "select id, endpoint_id, event_id, type, status, attempts, last_response_status, "
            + "last_response_body, last_error, next_attempt_at, last_attempt_at, delivered_at, created_at "
            + "from webhooks.deliveries";
    public static final RowMapper<WebhookDelivery> MAPPER = (rs, i) -> new WebhookDelivery(rs.getString(1),
            rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6),
            (Integer) rs.getObject(7), rs.getString(8), rs.getString(9), instant(rs, 10), instant(rs, 11),
            instant(rs, 12), instant(rs, 13));

    /** A delivery this node has claimed: everything one attempt needs. */
    record Claimed(String deliveryId, String eventId, int retryIndex, String endpointId, String url,
                   List<String> secrets, String body, boolean endpointFailing) {
    }

    private final JdbcTemplate jdbc;
    private final DeliverySignal signal;

    Deliveries(JdbcTemplate jdbc, DeliverySignal signal) {
        this.jdbc = jdbc;
        this.signal = signal;
    }

    /**
     * Claims up to {@code limit} due deliveries of enabled endpoints. SKIP LOCKED lets several
     * nodes claim at once without waiting on or taking each other's rows; pushing
     * {@code next_attempt_at} out by the lease keeps a claimed row away from other nodes while its
     * attempt runs (outside any transaction) and brings it back if this node dies mid-attempt.
     */
    List<Claimed> claim(int limit, Duration lease) {
        return jdbc.query("""
                update webhooks.deliveries d set next_attempt_at = now() + ? * interval '1 millisecond'
                from (select d2.id from webhooks.deliveries d2 join webhooks.endpoints e2 on e2.id = d2.endpoint_id
                      where d2.status = 'pending' and d2.next_attempt_at <= now() and e2.status = 'enabled'
                      order by d2.next_attempt_at limit ? for update of d2 skip locked) due,
                     webhooks.endpoints e, webhooks.events ev
                where d.id = due.id and e.id = d.endpoint_id and ev.id = d.event_id
                returning d.id, d.event_id, d.retry_index, e.id, e.url, e.secret,
                    case when e.previous_secret_expires_at > now() then e.previous_secret end, ev.body,
                    e.failing_since is not null""",
                (rs, i) -> {
                    List<String> secrets = new ArrayList<>(List.of(rs.getString(6)));
                    if (rs.getString(7) != null) {
                        secrets.add(rs.getString(7));
                    }
                    return new Claimed(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                            rs.getString(5), secrets, rs.getString(8), rs.getBoolean(9));
                }, lease.toMillis(), limit);
    }

    /** How long until the next pending delivery is due (capped by {@code max}), for an idle sender. */
    Duration untilNextDue(Duration max) {
        Long millis = jdbc.queryForObject("""
                select extract(epoch from (min(d.next_attempt_at) - now())) * 1000 from webhooks.deliveries d
                join webhooks.endpoints e on e.id = d.endpoint_id where d.status = 'pending' and e.status = 'enabled'""",
                (rs, i) -> rs.getObject(1) == null ? null : rs.getLong(1));
        if (millis == null || millis > max.toMillis()) {
            return max;
        }
        return Duration.ofMillis(Math.max(0, millis));
    }

    /** A successful attempt waiting to be recorded. */
    record Success(Claimed claimed, Instant attemptAt, int status, String responseBody) {
    }

    /** Records successful attempts in one batch: at 500 deliveries a second, round trips count. */
    void recordSuccesses(List<Success> successes) {
        jdbc.batchUpdate("""
                update webhooks.deliveries set status = 'succeeded', attempts = attempts + 1, last_attempt_at = ?,
                    last_response_status = ?, last_response_body = ?, last_error = null, delivered_at = now(),
                    next_attempt_at = null where id = ?""",
                successes.stream().map(s -> new Object[]{Timestamp.from(s.attemptAt()), s.status(), s.responseBody(),
                        s.claimed().deliveryId()}).toList());
        String[] recovered = successes.stream().filter(s -> s.claimed().endpointFailing())
                .map(s -> s.claimed().endpointId()).distinct().toArray(String[]::new);
        if (recovered.length > 0) {
            jdbc.update("update webhooks.endpoints set failing_since = null where id = any(?)", (Object) recovered);
        }
    }

    /**
     * Records a failed attempt; {@code nextAttemptAt} null means the schedule is used up.
     * @return since when the endpoint has been failing without a success
     */
    Instant recordFailure(Claimed claimed, Instant attemptAt, Integer status, String responseBody, String error,
                          Instant nextAttemptAt) {
        jdbc.update("""
                update webhooks.deliveries set status = ?, attempts = attempts + 1, retry_index = retry_index + 1,
                    last_attempt_at = ?, last_response_status = ?, last_response_body = ?, last_error = ?,
                    next_attempt_at = ? where id = ?""",
                nextAttemptAt == null ? WebhookDelivery.FAILED : WebhookDelivery.PENDING, Timestamp.from(attemptAt),
                status, responseBody, error, nextAttemptAt == null ? null : Timestamp.from(nextAttemptAt),
                claimed.deliveryId());
        // empty when the endpoint was deleted meanwhile (its deliveries went with it)
        return jdbc.query("""
                update webhooks.endpoints set failing_since = coalesce(failing_since, now()) where id = ?
                returning failing_since""", (rs, i) -> rs.getTimestamp(1).toInstant(), claimed.endpointId())
                .stream().findFirst().orElse(Instant.now());
    }

    public Optional<WebhookDelivery> find(String endpointId, String deliveryId) {
        return jdbc.query(SELECT + " where id = ? and endpoint_id = ?", MAPPER, deliveryId, endpointId)
                .stream().findFirst();
    }

    /** Sends a delivery again from the start of the retry schedule, whatever its state. */
    public Optional<WebhookDelivery> resend(String endpointId, String deliveryId) {
        int updated = jdbc.update("""
                update webhooks.deliveries set status = 'pending', retry_index = 0, next_attempt_at = now()
                where id = ? and endpoint_id = ?""", deliveryId, endpointId);
        if (updated == 0) {
            return Optional.empty();
        }
        signal.wake();
        return find(endpointId, deliveryId);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
