package io.outboundcalls.command.dialer;

import io.outboundcalls.platform.Json;
import io.outboundcalls.events.call.CallCompletedEvent;
import io.outboundcalls.events.call.CallFailedEvent;
import io.outboundcalls.events.call.CallOutcome;
import io.outboundcalls.events.campaign.CampaignCancelledEvent;
import io.outboundcalls.events.campaign.CampaignCompletedEvent;
import io.outboundcalls.events.campaign.CampaignContactsAddedEvent;
import io.outboundcalls.events.campaign.CampaignCreatedEvent;
import io.outboundcalls.events.campaign.CampaignPausedEvent;
import io.outboundcalls.events.campaign.CampaignResumedEvent;
import io.outboundcalls.events.campaign.CampaignStartedEvent;
import io.outboundcalls.events.campaign.CampaignWaitingEndedEvent;
import io.outboundcalls.events.campaign.CampaignWaitingEvent;
import io.outboundcalls.events.credits.CreditsPurchasedEvent;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The dialer's queue and slots, following campaign and call events in their own transaction
 * (subscribing): the slot a call holds is released in the very transaction that records its end,
 * so counting "dialing" rows can never undercount the calls in flight.
 */
@Component
@ProcessingGroup(DialerLedger.PROCESSING_GROUP)
class DialerLedger {

    static final String PROCESSING_GROUP = "dialer";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final DialerNudger nudger;

    DialerLedger(JdbcTemplate jdbc, Clock clock, DialerNudger nudger) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.nudger = nudger;
    }

    @EventHandler
    void on(CampaignCreatedEvent event) {
        jdbc.update("""
                insert into dialer.campaigns (campaign_id, account_id, status, settings, list_id) values (?, ?, 'draft', ?::jsonb, ?)
                on conflict do nothing""",
                event.campaignId(), event.accountId(), Json.write(event.settings()), event.settings().contactListId());
    }

    @EventHandler
    void on(CampaignStartedEvent event) {
        setStatus(event.campaignId(), "running");
        jdbc.update("""
                insert into dialer.campaign_contacts (campaign_id, contact_id, account_id, state, due_at)
                select ?, m.contact_id, ?, 'pending', ? from dialer.list_members m
                join dialer.contacts c on c.contact_id = m.contact_id
                where m.list_id = ? and not c.deleted on conflict do nothing""",
                event.campaignId(), event.accountId(), Timestamp.from(clock.instant()), event.contactListId());
        nudgeAfterCommit(event.campaignId());
    }

    /** Members that joined the list since the start: due now, under the same rules as the others. */
    @EventHandler
    void on(CampaignContactsAddedEvent event) {
        jdbc.update("""
                insert into dialer.campaign_contacts (campaign_id, contact_id, account_id, state, due_at)
                select ?, contact_id, ?, 'pending', ? from unnest(?::text[]) as t(contact_id) on conflict do nothing""",
                event.campaignId(), event.accountId(), Timestamp.from(clock.instant()), event.contactIds().toArray(String[]::new));
        nudgeAfterCommit(event.campaignId());
    }

    @EventHandler
    void on(CampaignPausedEvent event) {
        setStatus(event.campaignId(), "paused");
    }

    @EventHandler
    void on(CampaignResumedEvent event) {
        setStatus(event.campaignId(), "running");
        nudgeAfterCommit(event.campaignId());
    }

    /** Nobody else is called: the queue's waiting attempts are cancelled with the campaign (its live calls are hung up, {@link CallHangUps}). */
    @EventHandler
    void on(CampaignCancelledEvent event) {
        setStatus(event.campaignId(), "cancelled");
        jdbc.update("update dialer.campaign_contacts set state = 'cancelled' where campaign_id = ? and state = 'pending'", event.campaignId());
    }

    @EventHandler
    void on(CampaignCompletedEvent event) {
        setStatus(event.campaignId(), "completed");
    }

    @EventHandler
    void on(CampaignWaitingEvent event) {
        jdbc.update("update dialer.campaigns set waiting_reason = ?, next_dial_at = ? where campaign_id = ?",
                event.reason(), event.nextDialAt() == null ? null : Timestamp.from(event.nextDialAt()), event.campaignId());
    }

    @EventHandler
    void on(CampaignWaitingEndedEvent event) {
        jdbc.update("update dialer.campaigns set waiting_reason = null, next_dial_at = null where campaign_id = ?", event.campaignId());
    }

    @EventHandler
    void on(CallCompletedEvent event) {
        callEnded(event.campaignId(), event.callId(), event.outcome(), event.retryable(), event.endedAt());
    }

    @EventHandler
    void on(CallFailedEvent event) {
        callEnded(event.campaignId(), event.callId(), event.outcome(), event.retryable(), event.endedAt());
    }

    /** Credits bought: campaigns of the account that were waiting for them dial again. */
    @EventHandler
    void on(CreditsPurchasedEvent event) {
        List<String> unblocked = jdbc.queryForList("""
                update dialer.campaigns set credits_blocked = false
                where account_id = ? and credits_blocked returning campaign_id""", String.class, event.accountId());
        unblocked.forEach(this::nudgeAfterCommit);
    }

    /**
     * The slot is free (its lease with it); the contact is due again after delay_minutes, or done.
     * A contact that left the list meanwhile is due at once, so the next tick ends it.
     */
    private void callEnded(String campaignId, String callId, CallOutcome outcome, boolean retryable, Instant endedAt) {
        Instant ended = endedAt == null ? clock.instant() : endedAt;
        if (retryable) {
            jdbc.update("""
                    update dialer.campaign_contacts cc set state = 'pending', last_outcome = ?, owner = null, lease_token = null,
                        lease_expires_at = null,
                        due_at = case when exists (select 1 from dialer.campaigns c join dialer.list_members m on m.list_id = c.list_id
                                                   where c.campaign_id = cc.campaign_id and m.contact_id = cc.contact_id)
                            then ?::timestamptz + make_interval(mins => (select (c.settings -> 'retryRules' ->> 'delayMinutes')::int
                                                            from dialer.campaigns c where c.campaign_id = cc.campaign_id))
                            else ?::timestamptz end
                    where call_id = ? and state = 'dialing'""", outcome.apiName(), Timestamp.from(ended), Timestamp.from(ended), callId);
        } else {
            jdbc.update("""
                    update dialer.campaign_contacts set state = 'done', last_outcome = ?, owner = null, lease_token = null,
                        lease_expires_at = null
                    where call_id = ? and state = 'dialing'""", outcome.apiName(), callId);
        }
        nudgeAfterCommit(campaignId);
    }

    private void setStatus(String campaignId, String status) {
        jdbc.update("update dialer.campaigns set status = ?, waiting_reason = null, next_dial_at = null, next_tick_at = null where campaign_id = ?",
                status, campaignId);
    }

    private void nudgeAfterCommit(String campaignId) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(uow -> nudger.nudge(campaignId));
        } else {
            nudger.nudge(campaignId);
        }
    }
}
