package io.outboundcalls.webhooks.delivery;

import io.outboundcalls.webhooks.crypto.SecretCipher;
import io.outboundcalls.webhooks.endpoint.StoredSecrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
import java.util.Map;
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

    /** Longest {@code last_error} (its column is varchar(500)); longer texts are cut, or the failure could not be recorded. */
    static final int MAX_ERROR_LENGTH = 500;

    /** A delivery this node has claimed: everything one attempt needs. {@code secrets} is empty when none can be opened. */
    record Claimed(String deliveryId, String eventId, int retryIndex, String endpointId, String accountId, String url,
                   List<String> secrets, String body, boolean endpointFailing) {
    }

    private static final Logger log = LoggerFactory.getLogger(Deliveries.class);

    private final JdbcTemplate jdbc;
    private final DeliverySignal signal;
    private final StoredSecrets storedSecrets;

    Deliveries(JdbcTemplate jdbc, DeliverySignal signal, StoredSecrets storedSecrets) {
        this.jdbc = jdbc;
        this.signal = signal;
        this.storedSecrets = storedSecrets;
    }

    /**
     * Claims up to {@code limit} due deliveries of enabled endpoints, fairly across accounts: an
     * account with {@code perAccount} attempts in flight on this node ({@code inFlight}) gets none,
     * and the others get turns in order of how few they have in flight, oldest due first within
     * each. So one account with a large backlog behind a hanging receiver holds at most
     * {@code perAccount} sender threads, and the others' deliveries go out meanwhile.
     * <p>
     * The choice is made among the {@link #window(int) oldest due} deliveries of accounts that
     * have room; SKIP LOCKED lets several nodes claim at once without waiting on or taking each
     * other's rows; pushing {@code next_attempt_at} out by the lease keeps a claimed row away from
     * other nodes while its attempt runs (outside any transaction) and brings it back if this
     * node dies mid-attempt.
     */
    List<Claimed> claim(int limit, Duration lease, Map<String, Integer> inFlight, int perAccount) {
        Busy busy = Busy.of(inFlight);
        return jdbc.query("""
                with busy (account_id, in_flight) as (select * from unnest(?::varchar[], ?::int[])),
                candidates as (
                    select d2.id, d2.next_attempt_at, e2.account_id, coalesce(b.in_flight, 0) as in_flight
                    from webhooks.deliveries d2 join webhooks.endpoints e2 on e2.id = d2.endpoint_id
                    left join busy b on b.account_id = e2.account_id
                    where d2.status = 'pending' and d2.next_attempt_at <= now() and e2.status = 'enabled'
                      and coalesce(b.in_flight, 0) < ?
                    order by d2.next_attempt_at limit ?),
                turns as (
                    select id, next_attempt_at,
                        in_flight + row_number() over (partition by account_id order by next_attempt_at) as turn
                    from candidates),
                due as (
                    select d3.id from webhooks.deliveries d3
                    where d3.id in (select id from turns where turn <= ? order by turn, next_attempt_at limit ?)
                      and d3.status = 'pending' and d3.next_attempt_at <= now()
                    for update skip locked)
                update webhooks.deliveries d set next_attempt_at = now() + ? * interval '1 millisecond'
                from due, webhooks.endpoints e, webhooks.events ev
                where d.id = due.id and e.id = d.endpoint_id and ev.id = d.event_id
                returning d.id, d.event_id, d.retry_index, e.id, e.account_id, e.url, e.secret,
                    case when e.previous_secret_expires_at > now() then e.previous_secret end, ev.body,
                    e.failing_since is not null""",
                (rs, i) -> new Claimed(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), secrets(rs.getString(4), rs.getString(7), rs.getString(8)), rs.getString(9),
                        rs.getBoolean(10)),
                busy.accounts(), busy.counts(), perAccount, window(limit), perAccount, limit, lease.toMillis());
    }

    /** How many of the oldest due deliveries a claim of {@code limit} chooses among. */
    static int window(int limit) {
        return Math.max(64, limit * 8);
    }

    /**
     * The signing secrets of a claimed delivery: none when the current one does not open (it was
     * sealed with another encryption key), and without the previous one when only that one does
     * not (a roll after the key changed: the new secret alone signs correctly).
     */
    private List<String> secrets(String endpointId, String current, String previous) {
        List<String> secrets = new ArrayList<>(2);
        try {
            secrets.add(storedSecrets.open(endpointId, current));
        } catch (SecretCipher.UnreadableException e) {
            log.warn("The signing secret of webhook endpoint {} does not open with the configured encryption key; "
                    + "its deliveries fail until the secret is rolled", endpointId);
            return List.of();
        }
        if (previous != null) {
            try {
                secrets.add(storedSecrets.open(endpointId, previous));
            } catch (SecretCipher.UnreadableException e) {
                log.debug("The previous signing secret of webhook endpoint {} does not open; signing with the current one", endpointId);
            }
        }
        return secrets;
    }

    /**
     * How long until the next delivery this node may claim is due (capped by {@code max}), for an
     * idle sender; deliveries of accounts at their cap wait for one of their attempts to end instead.
     */
    Duration untilNextDue(Duration max, Map<String, Integer> inFlight, int perAccount) {
        Busy busy = Busy.of(inFlight);
        Long millis = jdbc.query("""
                with busy (account_id, in_flight) as (select * from unnest(?::varchar[], ?::int[]))
                select extract(epoch from (d.next_attempt_at - now())) * 1000 from webhooks.deliveries d
                join webhooks.endpoints e on e.id = d.endpoint_id left join busy b on b.account_id = e.account_id
                where d.status = 'pending' and e.status = 'enabled' and coalesce(b.in_flight, 0) < ?
                order by d.next_attempt_at limit 1""",
                (rs, i) -> rs.getLong(1), busy.accounts(), busy.counts(), perAccount).stream().findFirst().orElse(null);
        if (millis == null || millis > max.toMillis()) {
            return max;
        }
        return Duration.ofMillis(Math.max(0, millis));
    }

    /** The in-flight counts as two parallel arrays, the form {@code unnest} takes them in. */
    private record Busy(String[] accounts, Integer[] counts) {
        static Busy of(Map<String, Integer> inFlight) {
            List<Map.Entry<String, Integer>> entries = List.copyOf(inFlight.entrySet());
            return new Busy(entries.stream().map(Map.Entry::getKey).toArray(String[]::new),
                    entries.stream().map(Map.Entry::getValue).toArray(Integer[]::new));
        }
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
                status, responseBody, bounded(error), nextAttemptAt == null ? null : Timestamp.from(nextAttemptAt),
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

    /**
     * Error text as {@code last_error} can hold it: exception messages can carry a whole host name
     * or response line, and PostgreSQL text cannot hold NUL characters.
     */
    static String bounded(String error) {
        if (error == null) {
            return null;
        }
        String clean = error.replace("\u0000", "");
        if (clean.length() <= MAX_ERROR_LENGTH) {
            return clean;
        }
        int end = MAX_ERROR_LENGTH - 1;
        if (Character.isHighSurrogate(clean.charAt(end - 1))) {
            end--;
        }
        return clean.substring(0, end) + "\u2026";
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
