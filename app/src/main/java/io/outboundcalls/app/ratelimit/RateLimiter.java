package io.outboundcalls.app.ratelimit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Cluster-wide limits kept in PostgreSQL, so every node sees one budget per account.
 * <p>
 * Per request: one UPSERT that moves the account's minute and second windows forward and counts
 * the request only when both have room (on the database clock, so nodes never disagree about
 * which window it is). When concurrency is limited, the same transaction then inserts an
 * in-flight lease if fewer than the limit are live; the UPSERT's row lock serializes the
 * account's requests between those two statements, so two nodes can never both take the last slot.
 */
@Component
class RateLimiter {

    enum Limit {
        MINUTE("minute"), BURST("burst"), CONCURRENCY("concurrency");

        final String field;

        Limit(String field) {
            this.field = field;
        }
    }

    /**
     * @param refusedBy   null when the request may proceed
     * @param holdsSlot   whether an in-flight lease was taken and must be released
     * @param remaining   requests left in the current minute after this one
     * @param resetAt     Unix epoch second when the minute window refills
     * @param retryAfter  seconds to wait before retrying, when refused
     */
    record Decision(Limit refusedBy, boolean holdsSlot, int limit, int remaining, long resetAt, long retryAfter) {

        boolean allowed() {
            return refusedBy == null;
        }
    }

    /** {@code minuteCount} is the sliding estimate: this minute's requests plus the weighted share of the last one's. */
    private record Windows(long minute, int minuteCount, int thisMinuteCount, int previousMinuteCount, long second,
                           int secondCount, boolean allowed) {
    }

    /*
     * Sliding-window counter for the minute, fixed window for the second. "prev" is the previous
     * minute's count (0 when the last request was longer ago), "cur" this minute's, and the estimate
     * of the last 60 seconds is floor(prev * (60 - seconds into this minute) / 60) + cur: the
     * previous minute counts for the part of it still inside the window.
     */
    private static final String PREV = "case when w.minute = excluded.minute then w.previous_minute_count"
            + " when w.minute = excluded.minute - 1 then w.minute_count else 0 end";
    private static final String CUR = "case when w.minute = excluded.minute then w.minute_count else 0 end";
    private static final String SEC = "case when w.second = excluded.second then w.second_count else 0 end";
    private static final String ESTIMATE = "(floor((" + PREV + ") * (60 - (excluded.second - excluded.minute * 60)) / 60.0)::int + "
            + CUR + ")";
    private static final String ADMIT = ESTIMATE + " < ? and " + SEC + " < ?";

    private static final String COUNT = """
            insert into ratelimit.request_windows as w (account_id, minute, minute_count, previous_minute_count, second,
                second_count, allowed)
            select ?, n.s / 60, 1, 0, n.s, 1, true
            from (select floor(extract(epoch from clock_timestamp()))::bigint as s) n
            on conflict (account_id) do update set
                minute = excluded.minute,
                second = excluded.second,
                previous_minute_count = %1$s,
                minute_count = %2$s + case when %4$s then 1 else 0 end,
                second_count = %3$s + case when %4$s then 1 else 0 end,
                allowed = %4$s
            returning minute, floor(previous_minute_count * (60 - (second - minute * 60)) / 60.0)::int + minute_count,
                minute_count, previous_minute_count, second, second_count, allowed""".formatted(PREV, CUR, SEC, ADMIT);

    private static final String LEASE = """
            insert into ratelimit.in_flight (account_id, request_id, expires_at)
            select ?, ?, clock_timestamp() + ? * interval '1 millisecond'
            where (select count(*) from ratelimit.in_flight where account_id = ? and expires_at > clock_timestamp()) < ?""";

    private record Held(String accountId, String requestId) {
    }

    private final Set<Held> held = ConcurrentHashMap.newKeySet();
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Duration lease;

    RateLimiter(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, RateLimitProperties properties) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.lease = properties.lease();
    }

    Decision acquire(String accountId, String requestId, EffectiveLimits limits) {
        if (!limits.countsRequests() && !limits.limitsConcurrency()) {
            return unlimited();
        }
        if (!limits.limitsConcurrency()) {
            return decide(count(accountId, limits), limits, false, false);
        }
        return transactions.execute(tx -> {
            Windows w = count(accountId, limits);
            if (!w.allowed()) {
                return decide(w, limits, false, false);
            }
            boolean leased = jdbc.update(LEASE, accountId, requestId, lease.toMillis(), accountId,
                    limits.concurrentRequests()) == 1;
            if (!leased) { // the request was counted above: give it back, it never ran
                jdbc.update("""
                        update ratelimit.request_windows set minute_count = minute_count - 1,
                            second_count = second_count - 1, allowed = false where account_id = ?""", accountId);
                w = new Windows(w.minute(), w.minuteCount() - 1, w.thisMinuteCount() - 1, w.previousMinuteCount(), w.second(),
                        w.secondCount() - 1, false);
            }
            return decide(w, limits, !leased, leased);
        });
    }

    void release(String accountId, String requestId) {
        held.remove(new Held(accountId, requestId));
        jdbc.update("delete from ratelimit.in_flight where account_id = ? and request_id = ?", accountId, requestId);
    }

    /** A stream's slot outlives the lease: it is renewed until {@link #release} (and lapses if this node dies). */
    void holdUntilReleased(String accountId, String requestId) {
        held.add(new Held(accountId, requestId));
    }

    @Scheduled(fixedDelayString = "PT10S", initialDelayString = "PT10S")
    void renewHeldLeases() {
        for (Held h : held) {
            jdbc.update("update ratelimit.in_flight set expires_at = clock_timestamp() + ? * interval '1 millisecond' "
                    + "where account_id = ? and request_id = ?", lease.toMillis(), h.accountId(), h.requestId());
        }
    }

    /** Leases are already ignored once expired; this only keeps the table small after crashes. */
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void purgeExpiredLeases() {
        jdbc.update("delete from ratelimit.in_flight where expires_at < now()");
    }

    private Windows count(String accountId, EffectiveLimits limits) {
        int perMinute = limits.requestsPerMinute();
        int burst = limits.burstPerSecond();
        return jdbc.queryForObject(COUNT,
                (rs, i) -> new Windows(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getLong(5), rs.getInt(6),
                        rs.getBoolean(7)),
                accountId, perMinute, burst, perMinute, burst, perMinute, burst);
    }

    private static Decision decide(Windows w, EffectiveLimits limits, boolean concurrencyRefused, boolean holdsSlot) {
        int perMinute = limits.requestsPerMinute();
        long resetAt = (w.minute() + 1) * 60;
        int remaining = perMinute == EffectiveLimits.UNLIMITED ? perMinute : Math.max(0, perMinute - w.minuteCount());
        Limit refusedBy = null;
        long retryAfter = 0;
        if (!w.allowed() && !concurrencyRefused) {
            boolean minuteFull = perMinute != EffectiveLimits.UNLIMITED && w.minuteCount() >= perMinute;
            refusedBy = minuteFull ? Limit.MINUTE : Limit.BURST;
            retryAfter = minuteFull ? minuteRetryAfter(w, perMinute) : 1;
        } else if (concurrencyRefused) {
            refusedBy = Limit.CONCURRENCY;
            retryAfter = 1;
        }
        return new Decision(refusedBy, holdsSlot, perMinute, remaining, resetAt, retryAfter);
    }

    /**
     * Seconds until the sliding estimate drops below the quota with no further requests. Within
     * this minute the previous minute's weight shrinks; once it is over, this minute's count becomes
     * the weighted one.
     */
    private static long minuteRetryAfter(Windows w, int perMinute) {
        long into = w.second() - w.minute() * 60;
        int room = perMinute - w.thisMinuteCount();
        if (room > 0 && w.previousMinuteCount() > 0) {
            // floor(prev * (60 - t) / 60) < room once t > 60 - 60 * room / prev
            long t = 60 - (long) Math.ceil(60.0 * room / w.previousMinuteCount()) + 1;
            return Math.max(1, t - into);
        }
        long t = 60 - (long) Math.ceil(60.0 * perMinute / Math.max(1, w.thisMinuteCount())) + 1;
        return Math.max(1, (60 - into) + Math.max(0, t));
    }

    /** No quota at all: nothing to count, so no round trip to the database. */
    private static Decision unlimited() {
        long resetAt = (Instant.now().getEpochSecond() / 60 + 1) * 60;
        return new Decision(null, false, EffectiveLimits.UNLIMITED, EffectiveLimits.UNLIMITED, resetAt, 0);
    }
}
