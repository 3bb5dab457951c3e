package io.outboundcalls.command.campaign;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.outboundcalls.command.common.CommandRejectedException;
import io.outboundcalls.command.common.CommandRejectedException.Kind;
import io.outboundcalls.command.common.OwnedBy;
import io.outboundcalls.command.dialer.DialerDirectory;
import io.outboundcalls.events.account.LegalCallingWindow;
import io.outboundcalls.events.campaign.CampaignCancelledEvent;
import io.outboundcalls.events.campaign.CampaignCompletedEvent;
import io.outboundcalls.events.campaign.CampaignContactSkippedEvent;
import io.outboundcalls.events.campaign.CampaignCreatedEvent;
import io.outboundcalls.events.campaign.CampaignPausedEvent;
import io.outboundcalls.events.campaign.CampaignResumedEvent;
import io.outboundcalls.events.campaign.CampaignSchedule;
import io.outboundcalls.events.campaign.CampaignSettings;
import io.outboundcalls.events.campaign.CampaignStartedEvent;
import io.outboundcalls.events.campaign.CampaignWaitingEndedEvent;
import io.outboundcalls.events.campaign.CampaignWaitingEvent;
import java.time.Instant;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A campaign's life: draft → running ⇄ paused → completed, cancelled from any unfinished state.
 * The dialer decides who to call; this aggregate only keeps the state machine and the facts
 * worth keeping (waiting, skipped contacts, completion exactly once).
 */
@Aggregate
class Campaign {

    static final String RESOURCE = "campaign";

    enum Status { DRAFT, RUNNING, PAUSED, COMPLETED, CANCELLED }

    @AggregateIdentifier
    private String campaignId;
    private String accountId;
    private CampaignSettings settings;
    private Status status;
    private String waitingReason;
    private Instant nextDialAt;

    protected Campaign() {
    }

    @CommandHandler
    Campaign(CreateCampaignCommand command, DialerDirectory directory) {
        CampaignSettings s = command.settings();
        requireInsideLegalWindow(s.schedule(), command.legalCallingWindow());
        if (!directory.agentExists(command.accountId(), s.agentId())) {
            throw new CommandRejectedException(Kind.NOT_FOUND, "resource_missing", "agent_id", "No such agent: '" + s.agentId() + "'");
        }
        if (!directory.listExists(command.accountId(), s.contactListId())) {
            throw new CommandRejectedException(Kind.NOT_FOUND, "resource_missing", "contact_list_id",
                    "No such contact list: '" + s.contactListId() + "'");
        }
        apply(new CampaignCreatedEvent(command.campaignId(), command.accountId(), s));
    }

    @CommandHandler
    void handle(StartCampaignCommand command, DialerDirectory directory) {
        OwnedBy.check(accountId, command.accountId(), RESOURCE, campaignId);
        if (status != Status.DRAFT) {
            throw conflict("campaign_not_startable", "Only a draft campaign can be started; this one is " + statusName());
        }
        if (!directory.agentExists(accountId, settings.agentId())) {
            throw conflict("agent_deleted", "The campaign's agent '" + settings.agentId() + "' has been deleted");
        }
        if (!directory.listExists(accountId, settings.contactListId())) {
            throw conflict("contact_list_deleted", "The campaign's contact list '" + settings.contactListId() + "' has been deleted");
        }
        int size = directory.listSize(settings.contactListId());
        if (size == 0) {
            throw conflict("contact_list_empty", "The campaign's contact list has no contacts to call");
        }
        apply(new CampaignStartedEvent(campaignId, accountId, settings.agentId(), settings.contactListId(), size));
    }

    @CommandHandler
    void handle(PauseCampaignCommand command) {
        OwnedBy.check(accountId, command.accountId(), RESOURCE, campaignId);
        if (status != Status.RUNNING) {
            throw conflict("campaign_not_running", "Only a running campaign can be paused; this one is " + statusName());
        }
        apply(new CampaignPausedEvent(campaignId, accountId));
    }

    @CommandHandler
    void handle(ResumeCampaignCommand command) {
        OwnedBy.check(accountId, command.accountId(), RESOURCE, campaignId);
        if (status != Status.PAUSED) {
            throw conflict("campaign_not_paused", "Only a paused campaign can be resumed; this one is " + statusName());
        }
        apply(new CampaignResumedEvent(campaignId, accountId));
    }

    @CommandHandler
    void handle(CancelCampaignCommand command) {
        OwnedBy.check(accountId, command.accountId(), RESOURCE, campaignId);
        if (isFinished()) {
            throw conflict("campaign_not_cancellable", "A campaign that is " + statusName() + " cannot be cancelled");
        }
        apply(new CampaignCancelledEvent(campaignId, accountId));
    }

    /** Sent by the dialer, possibly more than once and from several nodes: completion happens once. */
    @CommandHandler
    void handle(CompleteCampaignCommand command) {
        if (status == Status.RUNNING) {
            apply(new CampaignCompletedEvent(campaignId, accountId));
        }
    }

    @CommandHandler
    void handle(MarkCampaignWaitingCommand command) {
        if (status == Status.RUNNING && !(Objects.equals(command.reason(), waitingReason)
                && Objects.equals(command.nextDialAt(), nextDialAt))) {
            apply(new CampaignWaitingEvent(campaignId, accountId, command.reason(), command.nextDialAt()));
        }
    }

    @CommandHandler
    void handle(EndCampaignWaitingCommand command) {
        if (status == Status.RUNNING && waitingReason != null) {
            apply(new CampaignWaitingEndedEvent(campaignId, accountId));
        }
    }

    @CommandHandler
    void handle(SkipCampaignContactCommand command) {
        if (!isFinished()) {
            apply(new CampaignContactSkippedEvent(campaignId, accountId, command.contactId(), command.reason()));
        }
    }

    /** Calling hours must lie inside the account's legal window, in the contact's zone as both are. */
    private static void requireInsideLegalWindow(CampaignSchedule schedule, LegalCallingWindow legal) {
        if (!legal.contains(schedule.callingHoursStart(), schedule.callingHoursEnd())) {
            throw new CommandRejectedException(Kind.INVALID, "outside_legal_hours", "schedule.calling_hours",
                    "'schedule.calling_hours' (" + schedule.callingHoursStart() + "-" + schedule.callingHoursEnd()
                            + ") must lie inside the account's legal calling window, " + legal.start() + "-" + legal.end()
                            + " in each contact's zone");
        }
    }

    private boolean isFinished() {
        return status == Status.COMPLETED || status == Status.CANCELLED;
    }

    private String statusName() {
        return status.name().toLowerCase();
    }

    private static CommandRejectedException conflict(String code, String message) {
        return new CommandRejectedException(Kind.CONFLICT, code, null, message);
    }

    @EventSourcingHandler
    void on(CampaignCreatedEvent event) {
        campaignId = event.campaignId();
        accountId = event.accountId();
        settings = event.settings();
        status = Status.DRAFT;
    }

    @EventSourcingHandler
    void on(CampaignStartedEvent event) {
        status = Status.RUNNING;
    }

    @EventSourcingHandler
    void on(CampaignPausedEvent event) {
        status = Status.PAUSED;
        waitingReason = null;
        nextDialAt = null;
    }

    @EventSourcingHandler
    void on(CampaignResumedEvent event) {
        status = Status.RUNNING;
    }

    @EventSourcingHandler
    void on(CampaignCancelledEvent event) {
        status = Status.CANCELLED;
        waitingReason = null;
    }

    @EventSourcingHandler
    void on(CampaignCompletedEvent event) {
        status = Status.COMPLETED;
        waitingReason = null;
    }

    @EventSourcingHandler
    void on(CampaignWaitingEvent event) {
        waitingReason = event.reason();
        nextDialAt = event.nextDialAt();
    }

    @EventSourcingHandler
    void on(CampaignWaitingEndedEvent event) {
        waitingReason = null;
        nextDialAt = null;
    }
}
