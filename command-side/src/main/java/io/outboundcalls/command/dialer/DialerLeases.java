package io.outboundcalls.command.dialer;

import io.outboundcalls.platform.Json;
import io.outboundcalls.platform.NamedThreads;
import io.outboundcalls.events.campaign.CampaignSettings;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The leases on claimed slots. This node renews, every {@code lease-renewal}, the lease of every
 * slot it holds, for as long as the slot is held (until the call's end event releases it,
 * however long the call). A slot whose lease ran out belongs to a node that died or hung; any
 * node takes it over with a new token, and so does one whose call outlived its agent's longest
 * call by {@code recover-after} (a report that never came). Lease times are the database's
 * clock, the one clock every node shares.
 */
@Component
class DialerLeases implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DialerLeases.class);
    /** Slots taken over per sweep; the next sweep takes the rest. */
    private static final int TAKEOVER_BATCH = 200;
    /** Assumed for an agent the dialer no longer knows: the longest call an agent may have. */
    private static final int LONGEST_CALL_SECONDS = 3600;

    private final JdbcTemplate jdbc;
    private final String owner;
    private final DialerProperties properties;
    private final ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor(NamedThreads.named("dialer-lease"));

    DialerLeases(JdbcTemplate jdbc, DialerNode node, DialerProperties properties) {
        this.jdbc = jdbc;
        this.owner = node.id();
        this.properties = properties;
        long every = properties.leaseRenewal().toMillis();
        renewer.scheduleAtFixedRate(this::renewSafely, every, every, TimeUnit.MILLISECONDS);
    }

    String owner() {
        return owner;
    }

    double leaseSeconds() {
        return properties.lease().toMillis() / 1000.0;
    }

    /** Extends every lease this node holds; returns how many. */
    int renew() {
        return jdbc.update("""
                update dialer.campaign_contacts set lease_expires_at = now() + make_interval(secs => ?)
                where owner = ? and state = 'dialing'""", leaseSeconds(), owner);
    }

    /**
     * Takes over slots whose lease expired, or whose call is overdue, for this node: each comes
     * back with a fresh token, so the previous holder, should it wake up, can no longer act on it.
     */
    List<Slot> takeOverStale() {
        return jdbc.query("""
                with stale as (
                    select cc.campaign_id, cc.contact_id from dialer.campaign_contacts cc
                    join dialer.campaigns c on c.campaign_id = cc.campaign_id
                    left join dialer.agents a on a.agent_id = c.settings ->> 'agentId'
                    where cc.state = 'dialing'
                      and (cc.lease_expires_at is null or cc.lease_expires_at < now()
                           or cc.claimed_at < now() - make_interval(
                                  secs => coalesce((a.settings ->> 'maxDurationSeconds')::int, ?) + ?))
                    order by cc.lease_expires_at nulls first limit ?
                    for update of cc skip locked)
                update dialer.campaign_contacts cc set owner = ?, lease_token = gen_random_uuid(), claimed_at = now(),
                    lease_expires_at = now() + make_interval(secs => ?)
                from stale, dialer.campaigns c
                where cc.campaign_id = stale.campaign_id and cc.contact_id = stale.contact_id and c.campaign_id = cc.campaign_id
                returning cc.campaign_id, c.account_id, c.settings::text as settings, cc.contact_id, cc.attempts, cc.call_id,
                    cc.lease_token::text as token, (select phone from dialer.contacts p where p.contact_id = cc.contact_id) as phone""",
                (rs, i) -> new Slot(rs.getString("campaign_id"), rs.getString("account_id"),
                        Json.read(rs.getString("settings"), CampaignSettings.class), rs.getString("contact_id"),
                        rs.getInt("attempts"), rs.getString("call_id"), rs.getString("phone"), rs.getString("token")),
                LONGEST_CALL_SECONDS, properties.recoverAfter().toSeconds(), TAKEOVER_BATCH, owner, leaseSeconds());
    }

    /**
     * Lets go of a slot without releasing it: its lease runs out unrenewed and a node recovers
     * it, asking the provider what became of the call first.
     */
    void abandon(Slot slot) {
        jdbc.update("update dialer.campaign_contacts set owner = null where call_id = ? and lease_token = ?::uuid and state = 'dialing'",
                slot.callId(), slot.token());
    }

    private void renewSafely() {
        try {
            renew();
        } catch (RuntimeException e) {
            // the next renewal comes well before the lease runs out
            log.warn("Renewing dialer leases failed: {}", e.toString());
        }
    }

    @Override
    public void destroy() {
        renewer.shutdownNow();
    }
}
