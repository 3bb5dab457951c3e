package io.outboundcalls.command.dialer;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The dialer's persistent timer: db-scheduler runs this on one node at a time. It wakes every
 * running campaign whose next due contact (a retry delay, the next calling window) has come, by
 * the dialer's clock, and every campaign whose list gained members it has not enrolled yet
 * (their wake-up died with a node); it recovers slots whose lease ran out (their node died or
 * hung) or whose call is overdue (see {@link DialerLeases} and {@link CallPlacer#recover}), and settles what
 * attempts given back and never claimed again still hold ({@link AbandonedAttempts}).
 * db-scheduler starts before the command handlers are subscribed and stops after they are gone:
 * the sweep does nothing outside that time, or the slots it took over would be followed by no one.
 */
@Component
class DialerSweep {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final DialerNudger nudger;
    private final CallPlacer placer;
    private final DialerLeases leases;
    private final AbandonedAttempts abandoned;
    private final AtomicBoolean running = new AtomicBoolean();

    DialerSweep(JdbcTemplate jdbc, Clock clock, DialerNudger nudger, CallPlacer placer, DialerLeases leases,
                AbandonedAttempts abandoned) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.nudger = nudger;
        this.placer = placer;
        this.leases = leases;
        this.abandoned = abandoned;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        running.set(true);
    }

    @EventListener(ContextClosedEvent.class)
    void stop() {
        running.set(false);
    }

    void run() {
        if (!running.get()) {
            return;
        }
        jdbc.queryForList("""
                select campaign_id from dialer.campaigns where status = 'running' and not credits_blocked
                and (next_tick_at is null or next_tick_at <= ?)
                union select r.campaign_id from dialer.roster_changes r
                join dialer.campaigns c on c.campaign_id = r.campaign_id where c.status in ('running', 'paused')""",
                String.class, Timestamp.from(clock.instant()))
                .forEach(nudger::nudge);
        placer.recoverAll(leases.takeOverStale());
        abandoned.settle();
    }
}
