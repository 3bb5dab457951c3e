package io.outboundcalls.command.dialer;

import io.outboundcalls.events.campaign.CampaignSettings;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The dialer's persistent timer: db-scheduler runs this on one node at a time. It wakes every
 * running campaign whose next due contact (a retry delay, the next calling window) has come, by
 * the dialer's clock, and re-drives slots whose node died before the call ended.
 */
@Component
class DialerSweep {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final DialerNudger nudger;
    private final CallPlacer placer;
    private final DialerProperties properties;

    DialerSweep(JdbcTemplate jdbc, Clock clock, DialerNudger nudger, CallPlacer placer, DialerProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.nudger = nudger;
        this.placer = placer;
        this.properties = properties;
    }

    void run() {
        jdbc.queryForList("""
                select campaign_id from dialer.campaigns where status = 'running' and not credits_blocked
                and (next_tick_at is null or next_tick_at <= ?)""", String.class, Timestamp.from(clock.instant()))
                .forEach(nudger::nudge);
        recover(Instant.now().minus(properties.recoverAfter()));
    }

    /** At start-up every slot claimed before it is orphaned on this node: re-drive them at once. */
    @EventListener(ApplicationReadyEvent.class)
    void recoverAfterRestart() {
        recover(Instant.now());
    }

    private void recover(Instant claimedBefore) {
        List<Map<String, Object>> stale = jdbc.queryForList("""
                update dialer.campaign_contacts cc set claimed_at = now()
                from dialer.campaigns c
                where c.campaign_id = cc.campaign_id and cc.state = 'dialing' and cc.claimed_at < ?
                returning cc.campaign_id, c.account_id, c.settings::text as settings, cc.contact_id, cc.attempts,
                          cc.call_id, cc.placed, (select phone from dialer.contacts p where p.contact_id = cc.contact_id) as phone""",
                Timestamp.from(claimedBefore));
        for (Map<String, Object> row : stale) {
            DialerEngine.Claim claim = new DialerEngine.Claim((String) row.get("contact_id"),
                    ((Number) row.get("attempts")).intValue(), (String) row.get("call_id"), (String) row.get("phone"));
            placer.recover((String) row.get("campaign_id"), (String) row.get("account_id"),
                    DialerJson.read((String) row.get("settings"), CampaignSettings.class), claim, (Boolean) row.get("placed"));
        }
    }
}
