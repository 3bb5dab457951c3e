package io.outboundcalls.command.dialer;

import io.outboundcalls.command.campaign.SkipCampaignContactCommand;
import io.outboundcalls.events.account.LegalCallingWindow;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The last word before a dial, fresh or recovered, in one short transaction on the slot's row:
 * the slot is still this holder's (its token, its lease), the campaign is running, the contact
 * may be called (not deleted, still on the campaign's list, not opted out or do-not-call) and is
 * inside its calling window.
 * Otherwise the slot is released: the attempt is given back (it was never dialed), with the
 * reason in {@code released_reason}; a contact who may never be called is done and skipped, as
 * at a claim.
 */
@Component
class DialGuard {

    private static final Logger log = LoggerFactory.getLogger(DialGuard.class);

    enum Verdict {
        /** Dial now. */
        DIAL,
        /** Not now: the slot was given back. */
        RELEASED,
        /** The slot is no longer this holder's (taken over, or already over): do nothing. */
        LOST
    }

    private record Decision(Verdict verdict, String skipReason) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final CommandGateway commands;
    private final DialerNudger nudger;
    private final DialerLeases leases;

    DialGuard(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock, CommandGateway commands,
              DialerNudger nudger, DialerLeases leases) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.commands = commands;
        this.nudger = nudger;
        this.leases = leases;
    }

    /**
     * Whether the slot may be dialed now. With {@code dialing} the slot is marked dialed and its
     * lease extended in the same transaction: nothing may stand between that and the dial.
     */
    Verdict confirm(Slot slot, boolean dialing) {
        Decision decision = tx.execute(status -> decide(slot, dialing));
        if (decision.skipReason() != null) {
            commands.send(new SkipCampaignContactCommand(slot.campaignId(), slot.accountId(), slot.contactId(), decision.skipReason()));
        }
        if (decision.verdict() == Verdict.RELEASED) {
            nudger.nudge(slot.campaignId());
        }
        return decision.verdict();
    }

    /** Gives a slot back undialed for a reason of the caller's (credits refused). */
    void release(Slot slot, String reason) {
        if (tx.execute(status -> giveBack(slot, "pending", reason, null))) {
            log.info("Slot for call {} released before dialing: {}", slot.callId(), reason);
        }
    }

    /**
     * Before the dial itself the campaign's row is share-locked too: a cancel (or pause) committing
     * meanwhile is either seen here, or commits after this check, when the dial is already decided
     * and the cancel's hang-up follows it.
     */
    private Decision decide(Slot slot, boolean dialing) {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                select cc.lease_expires_at > now() as leased, c.status,
                    k.timezone, k.candidates, k.do_not_call, k.opted_out, k.deleted,
                    a.legal_window_start, a.legal_window_end,
                    exists (select 1 from dialer.list_members m where m.list_id = c.list_id and m.contact_id = cc.contact_id) as member
                from dialer.campaign_contacts cc
                join dialer.campaigns c on c.campaign_id = cc.campaign_id
                join dialer.contacts k on k.contact_id = cc.contact_id
                left join registry.accounts a on a.account_id = c.account_id
                where cc.campaign_id = ? and cc.contact_id = ? and cc.call_id = ? and cc.state = 'dialing'
                    and cc.lease_token = ?::uuid
                for update of cc""" + (dialing ? " for share of c" : ""),
                slot.campaignId(), slot.contactId(), slot.callId(), slot.token());
        if (rows.isEmpty() || !Boolean.TRUE.equals(rows.get(0).get("leased"))) {
            return new Decision(Verdict.LOST, null);
        }
        Map<String, Object> row = rows.get(0);
        String refusal = DialerEngine.refusal(row);
        if (refusal != null) {
            return released(slot, "done", refusal, null, refusal);
        }
        if (!"running".equals(row.get("status"))) {
            // a cancelled campaign's attempts are over; a paused one's wait for the resume
            String state = "cancelled".equals(row.get("status")) ? "cancelled" : "pending";
            return released(slot, state, "campaign_" + row.get("status"), null, null);
        }
        // a campaign's settings are those it was created with (no event changes them): the claim read them
        CallingWindow window = CallingWindow.forCampaign(slot.settings(),
                LegalCallingWindow.orDefault((String) row.get("legal_window_start"), (String) row.get("legal_window_end")));
        List<ZoneId> zones = window.zonesFor((String) row.get("timezone"), (String) row.get("candidates"));
        Instant now = clock.instant();
        if (!window.isOpen(now, zones)) {
            Optional<Instant> opening = window.nextOpening(now, zones);
            return opening.isPresent()
                    ? released(slot, "pending", "outside_calling_hours", opening.get(), null)
                    : released(slot, "done", "schedule_ended", null, "schedule_ended");
        }
        jdbc.update("""
                update dialer.campaign_contacts set lease_expires_at = now() + make_interval(secs => ?),
                    dialed_at = case when ?::boolean then now() else dialed_at end,
                    held_call_id = case when ?::boolean then null else held_call_id end
                where campaign_id = ? and contact_id = ?""", leases.leaseSeconds(), dialing, dialing, slot.campaignId(), slot.contactId());
        return new Decision(Verdict.DIAL, null);
    }

    private Decision released(Slot slot, String state, String reason, Instant dueAt, String skipReason) {
        giveBack(slot, state, reason, dueAt);
        log.info("Slot for call {} released before dialing: {}", slot.callId(), reason);
        return new Decision(Verdict.RELEASED, skipReason);
    }

    /**
     * Back to {@code state} with the attempt given back: the next claim of this contact is the
     * same attempt (the same call id, reservation and Call aggregate), so nothing is doubled.
     * The call id stays in {@code held_call_id} until then; {@link AbandonedAttempts} settles
     * what it holds if no claim will come.
     */
    private boolean giveBack(Slot slot, String state, String reason, Instant dueAt) {
        return jdbc.update("""
                update dialer.campaign_contacts set state = ?, attempts = attempts - 1, held_call_id = call_id, call_id = null,
                    last_outcome = case when ?::text = 'done' then ? else last_outcome end,
                    due_at = coalesce(?::timestamptz, due_at), owner = null, lease_token = null, lease_expires_at = null, dialed_at = null,
                    released_reason = ?, released_at = now()
                where campaign_id = ? and contact_id = ? and call_id = ? and state = 'dialing' and lease_token = ?::uuid""",
                state, state, reason, dueAt == null ? null : Timestamp.from(dueAt), reason,
                slot.campaignId(), slot.contactId(), slot.callId(), slot.token()) == 1;
    }
}
