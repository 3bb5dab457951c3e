package io.outboundcalls.command.dialer;

import io.outboundcalls.platform.Json;
import io.outboundcalls.command.account.AccountRegistry;
import io.outboundcalls.command.account.TierLimits;
import io.outboundcalls.command.campaign.CompleteCampaignCommand;
import io.outboundcalls.command.campaign.EndCampaignWaitingCommand;
import io.outboundcalls.command.campaign.EnrollCampaignContactsCommand;
import io.outboundcalls.command.campaign.MarkCampaignWaitingCommand;
import io.outboundcalls.command.campaign.SkipCampaignContactCommand;
import io.outboundcalls.command.common.Ids;
import io.outboundcalls.events.account.LegalCallingWindow;
import io.outboundcalls.events.account.Tier;
import io.outboundcalls.events.campaign.CampaignSettings;
import io.outboundcalls.events.campaign.CampaignWaitingEvent;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decides who to call now for one campaign. One tick is one short transaction that locks the
 * campaign's row and then its account's row (always in that order), counts the calls in flight
 * from the dialer's own table, and claims at most the free slots among the contacts that are
 * due, allowed (do-not-call re-checked here, in the same transaction) and inside their calling
 * window. Two nodes ticking the same campaign or account therefore take turns, and the caps hold.
 * A claimed slot is leased to this node ({@link DialerLeases}); {@link DialGuard} checks it all
 * again right before the dial.
 */
@Component
class DialerEngine {

    /** Due contacts examined per query; outside-window ones are pushed to their next opening. */
    private static final int SCAN_BATCH = 500;

    record Skip(String contactId, String reason) {
    }

    /** {@code enroll}: contacts joined the campaign's list; they become members before anything completes. */
    record Tick(String campaignId, String accountId, List<Slot> claims, List<Skip> skips, boolean enroll,
                boolean complete, String waitingReason, Instant nextDialAt, boolean endWaiting, boolean waitsAlready) {

        static Tick enrolling(String campaignId, String accountId) {
            return new Tick(campaignId, accountId, List.of(), List.of(), true, false, null, null, false, false);
        }
    }

    /**
     * The locked campaign row a tick works on, with what it waits for now (null: nothing);
     * {@code dials}: running and not waiting for credits (a paused campaign only enrols).
     */
    private record Campaign(String campaignId, String accountId, String listId, CampaignSettings settings, CallingWindow window,
                            String waitingReason, Instant nextDialAt, boolean dials) {

        boolean waiting() {
            return waitingReason != null;
        }

        /** Whether the campaign already waits for this reason until then: the fact is recorded once, not at every tick. */
        boolean waitsAlready(String reason, Instant until) {
            return Objects.equals(reason, waitingReason) && Objects.equals(until, nextDialAt);
        }
    }

    /** What one tick did to the due contacts. */
    private record Scan(List<Slot> claims, List<Skip> skips) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final AccountRegistry accounts;
    private final CommandGateway commands;
    private final CallPlacer placer;
    private final DialerLeases leases;
    private final CampaignMembership membership;

    DialerEngine(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock, AccountRegistry accounts,
                 CommandGateway commands, CallPlacer placer, DialerLeases leases, CampaignMembership membership) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.accounts = accounts;
        this.commands = commands;
        this.placer = placer;
        this.leases = leases;
        this.membership = membership;
    }

    void tick(String campaignId) {
        Tick tick = tx.execute(status -> claim(campaignId));
        if (tick == null) {
            return;
        }
        for (Skip skip : tick.skips()) {
            commands.send(new SkipCampaignContactCommand(campaignId, tick.accountId(), skip.contactId(), skip.reason()));
        }
        placer.placeAll(tick.claims());
        if (tick.enroll()) {
            commands.sendAndWait(new EnrollCampaignContactsCommand(campaignId, tick.accountId()));
        }
        if (tick.complete()) {
            commands.sendAndWait(new CompleteCampaignCommand(campaignId, tick.accountId()));
        } else if (tick.waitingReason() != null && !tick.waitsAlready()) {
            commands.sendAndWait(new MarkCampaignWaitingCommand(campaignId, tick.accountId(), tick.waitingReason(), tick.nextDialAt()));
        } else if (tick.endWaiting()) {
            commands.sendAndWait(new EndCampaignWaitingCommand(campaignId, tick.accountId()));
        }
    }

    private Tick claim(String campaignId) {
        Campaign campaign = lockUnfinishedCampaign(campaignId);
        if (campaign == null) {
            return null;
        }
        boolean joined = membership.hasNewMembers(campaignId);
        if (!campaign.dials()) {
            return joined ? Tick.enrolling(campaignId, campaign.accountId()) : null;
        }
        lockAccount(campaign.accountId());
        Instant now = clock.instant();
        int campaignInFlight = count("select count(*) from dialer.campaign_contacts where campaign_id = ? and state = 'dialing'", campaignId);
        int accountInFlight = count("select count(*) from dialer.campaign_contacts where account_id = ? and state = 'dialing'",
                campaign.accountId());
        int free = Math.min(campaign.settings().concurrentCalls() - campaignInFlight, accountCap(campaign.accountId()) - accountInFlight);
        Scan scan = free > 0 ? scanDueContacts(campaign, now, free) : new Scan(List.of(), List.of());
        return conclude(campaign, now, campaignInFlight + scan.claims().size() > 0, scan.claims().size() >= free, scan, joined);
    }

    /** The campaign's row, locked: two ticks of one campaign never overlap, on any node. Paused ones only enrol. */
    private Campaign lockUnfinishedCampaign(String campaignId) {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                select c.account_id, c.list_id, c.settings::text as settings, c.waiting_reason, c.next_dial_at,
                    a.legal_window_start, a.legal_window_end, c.status = 'running' and not c.credits_blocked as dials
                from dialer.campaigns c left join registry.accounts a on a.account_id = c.account_id
                where c.campaign_id = ? and c.status in ('running', 'paused') for update of c""", campaignId);
        if (rows.isEmpty()) {
            return null;
        }
        Map<String, Object> row = rows.get(0);
        CampaignSettings settings = Json.read((String) row.get("settings"), CampaignSettings.class);
        LegalCallingWindow legal = LegalCallingWindow.orDefault((String) row.get("legal_window_start"), (String) row.get("legal_window_end"));
        Timestamp nextDialAt = (Timestamp) row.get("next_dial_at");
        return new Campaign(campaignId, (String) row.get("account_id"), (String) row.get("list_id"), settings,
                CallingWindow.forCampaign(settings, legal), (String) row.get("waiting_reason"),
                nextDialAt == null ? null : nextDialAt.toInstant(), Boolean.TRUE.equals(row.get("dials")));
    }

    /** The account's row, locked after the campaign's: its campaigns claim one at a time, so its cap holds. */
    private void lockAccount(String accountId) {
        jdbc.update("insert into dialer.accounts (account_id) values (?) on conflict do nothing", accountId);
        jdbc.queryForList("select account_id from dialer.accounts where account_id = ? for update", accountId);
    }

    /** Walks the due contacts in order: claims up to {@code free} callable ones, skips refused ones, defers closed ones. */
    private Scan scanDueContacts(Campaign campaign, Instant now, int free) {
        List<Slot> claims = new ArrayList<>();
        List<Skip> skips = new ArrayList<>();
        Map<List<ZoneId>, Optional<Instant>> openings = new HashMap<>();
        boolean more = true;
        while (more) {
            List<Map<String, Object>> due = jdbc.queryForList("""
                    select cc.contact_id, cc.attempts, c.phone, c.timezone, c.candidates, c.do_not_call, c.opted_out, c.deleted,
                        exists (select 1 from dialer.list_members m where m.list_id = ? and m.contact_id = cc.contact_id) as member
                    from dialer.campaign_contacts cc join dialer.contacts c on c.contact_id = cc.contact_id
                    where cc.campaign_id = ? and cc.state = 'pending' and cc.due_at <= ?
                    order by cc.due_at, cc.contact_id limit ? for update of cc skip locked""",
                    campaign.listId(), campaign.campaignId(), Timestamp.from(now), SCAN_BATCH);
            int moved = 0;
            for (Map<String, Object> contact : due) {
                String contactId = (String) contact.get("contact_id");
                String refusal = refusal(contact);
                if (refusal != null) {
                    finish(campaign.campaignId(), contactId, refusal);
                    skips.add(new Skip(contactId, refusal));
                    moved++;
                    continue;
                }
                List<ZoneId> zones = campaign.window().zonesFor((String) contact.get("timezone"), (String) contact.get("candidates"));
                if (campaign.window().isOpen(now, zones)) {
                    if (claims.size() < free) {
                        claims.add(claimSlot(campaign, contact));
                        moved++;
                    }
                    continue;
                }
                Optional<Instant> opening = openings.computeIfAbsent(zones, z -> campaign.window().nextOpening(now, z));
                if (opening.isPresent()) {
                    jdbc.update("update dialer.campaign_contacts set due_at = ? where campaign_id = ? and contact_id = ?",
                            Timestamp.from(opening.get()), campaign.campaignId(), contactId);
                } else {
                    finish(campaign.campaignId(), contactId, "schedule_ended");
                    skips.add(new Skip(contactId, "schedule_ended"));
                }
                moved++;
            }
            more = due.size() == SCAN_BATCH && claims.size() < free && moved > 0;
        }
        return new Scan(claims, skips);
    }

    /** The contact's next attempt, leased to this node under a token of its own. */
    private Slot claimSlot(Campaign campaign, Map<String, Object> contact) {
        String contactId = (String) contact.get("contact_id");
        int attempt = ((Number) contact.get("attempts")).intValue() + 1;
        String callId = callIdOf(campaign.campaignId(), contactId, attempt);
        String token = UUID.randomUUID().toString();
        jdbc.update("""
                update dialer.campaign_contacts set state = 'dialing', attempts = ?, call_id = ?, claimed_at = now(),
                    dialed_at = null, owner = ?, lease_token = ?::uuid, lease_expires_at = now() + make_interval(secs => ?)
                where campaign_id = ? and contact_id = ?""",
                attempt, callId, leases.owner(), token, leases.leaseSeconds(), campaign.campaignId(), contactId);
        return new Slot(campaign.campaignId(), campaign.accountId(), campaign.settings(), contactId, attempt, callId,
                (String) contact.get("phone"), token);
    }

    /**
     * When the campaign is looked at next, and whether it completed, waits (and why) or stopped
     * waiting. {@code slotsFull}: this tick filled every free slot, or found none. It completes only
     * with no member left to call and no new member to enrol.
     */
    private Tick conclude(Campaign campaign, Instant now, boolean anyDialing, boolean slotsFull, Scan scan, boolean joined) {
        String campaignId = campaign.campaignId();
        Timestamp nextDue = jdbc.queryForObject(
                "select min(due_at) from dialer.campaign_contacts where campaign_id = ? and state = 'pending'", Timestamp.class, campaignId);
        jdbc.update("update dialer.campaigns set next_tick_at = ? where campaign_id = ?", nextDue, campaignId);
        boolean complete = !anyDialing && nextDue == null && !joined;
        String waitingReason = null;
        Instant nextDialAt = null;
        if (slotsFull && nextDue != null && !nextDue.toInstant().isAfter(now)) {
            waitingReason = CampaignWaitingEvent.CONCURRENCY_FULL;
        } else if (!complete && !anyDialing && nextDue != null && nextDue.toInstant().isAfter(now)) {
            waitingReason = waitingReason(campaign, now);
            nextDialAt = waitingReason == null ? null : nextDue.toInstant();
        }
        boolean endWaiting = campaign.waiting() && !complete && waitingReason == null;
        return new Tick(campaignId, campaign.accountId(), scan.claims(), scan.skips(), joined, complete, waitingReason, nextDialAt,
                endWaiting, campaign.waitsAlready(waitingReason, nextDialAt));
    }

    /** Why nothing can be dialed yet; null when the next contact only waits for its retry delay, not a reason the API names. */
    private String waitingReason(Campaign campaign, Instant now) {
        if (campaign.window().isBeforeStartDate(now)) {
            return CampaignWaitingEvent.BEFORE_START_DATE;
        }
        return isNextContactInsideWindow(campaign, now) ? null : CampaignWaitingEvent.OUTSIDE_CALLING_HOURS;
    }

    /** Whether the earliest pending contact could be called now, were its retry delay over. */
    private boolean isNextContactInsideWindow(Campaign campaign, Instant now) {
        List<Map<String, Object>> next = jdbc.queryForList(
                "select c.timezone, c.candidates from dialer.campaign_contacts cc"
                        + " join dialer.contacts c on c.contact_id = cc.contact_id"
                        + " where cc.campaign_id = ? and cc.state = 'pending' order by cc.due_at limit 1", campaign.campaignId());
        CallingWindow window = campaign.window();
        return !next.isEmpty() && window.isOpen(now,
                window.zonesFor((String) next.get(0).get("timezone"), (String) next.get(0).get("candidates")));
    }

    /** Derived from campaign, contact and attempt: placing the same attempt twice hits the same aggregate. */
    static String callIdOf(String campaignId, String contactId, int attempt) {
        return Ids.derivedId("call", campaignId + ":" + contactId + ":" + attempt);
    }

    /** Why a contact may never be dialed in this campaign (deleted, removed_from_list, opted_out, do_not_call), or null. */
    static String refusal(Map<String, Object> contact) {
        if (Boolean.TRUE.equals(contact.get("deleted"))) {
            return "deleted";
        }
        if (Boolean.FALSE.equals(contact.get("member"))) {
            return "removed_from_list";
        }
        if (Boolean.TRUE.equals(contact.get("opted_out"))) {
            return "opted_out";
        }
        if (Boolean.TRUE.equals(contact.get("do_not_call"))) {
            return "do_not_call";
        }
        return null;
    }

    private void finish(String campaignId, String contactId, String reason) {
        jdbc.update("update dialer.campaign_contacts set state = 'done', last_outcome = ? where campaign_id = ? and contact_id = ?",
                reason, campaignId, contactId);
    }

    /** The tier's concurrent-call limit, or the operator's custom number; enterprise without one is unlimited. */
    private int accountCap(String accountId) {
        return accounts.findAccount(accountId).map(account -> TierLimits.concurrentCalls(account.tier(), account.limits()))
                .orElse(TierLimits.concurrentCalls(Tier.STANDARD, null));
    }

    private int count(String sql, Object arg) {
        Integer value = jdbc.queryForObject(sql, Integer.class, arg);
        return value == null ? 0 : value;
    }
}
