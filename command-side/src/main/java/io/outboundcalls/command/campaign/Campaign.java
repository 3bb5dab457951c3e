package io.outboundcalls.command.campaign;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.outboundcalls.command.common.CommandRejectedException;
import io.outboundcalls.command.common.CommandRejectedException.Kind;
import io.outboundcalls.command.common.OwnedBy;
import io.outboundcalls.events.account.LegalCallingWindow;
import io.outboundcalls.events.campaign.CampaignCancelledEvent;
import io.outboundcalls.events.campaign.CampaignCompletedEvent;
import io.outboundcalls.events.campaign.CampaignContactSkippedEvent;
import io.outboundcalls.events.campaign.CampaignContactsAddedEvent;
import io.outboundcalls.events.campaign.CampaignCreatedEvent;
import io.outboundcalls.events.campaign.CampaignPausedEvent;
import io.outboundcalls.events.campaign.CampaignResumedEvent;
import io.outboundcalls.events.campaign.CampaignSchedule;
import io.outboundcalls.events.campaign.CampaignSettings;
import io.outboundcalls.events.campaign.CampaignStartedEvent;
import io.outboundcalls.events.campaign.CampaignWaitingEndedEvent;
import io.outboundcalls.events.campaign.CampaignWaitingEvent;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A campaign's life: draft → running ⇄ paused → completed, cancelled from any unfinished state.
 * The dialer decides who to call; this aggregate only keeps the state machine and the facts
 * worth keeping (members joining, waiting, skipped contacts, completion exactly once). Commands
 * whose rules need facts from elsewhere come through {@link CampaignCommandHandler}, which looks
 * them up and passes them in: the aggregate itself does no I/O.
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

    /**
     * Created by {@link CampaignCommandHandler}, which looked up whether the agent and the list
     * exist. Settings that break {@link CampaignRules} are refused with every violation.
     */
    Campaign(CreateCampaignCommand command, boolean agentExists, boolean listExists) {
        CampaignSettings s = command.settings();
        List<CampaignRules.Violation> violations = CampaignRules.missing(s);
        if (violations.isEmpty()) {
            violations = CampaignRules.violations(s);
        }
        if (!violations.isEmpty()) {
            throw new InvalidCampaignSettingsException(violations);
        }
        if (!s.inTestMode()) {
            // the legal window protects the people called; a test-mode campaign calls no one
            requireInsideLegalWindow(s.schedule(), command.legalCallingWindow());
        }
        if (!agentExists) {
            throw new CommandRejectedException(Kind.NOT_FOUND, "resource_missing", "agent_id", "No such agent: '" + s.agentId() + "'");
        }
        if (!listExists) {
            throw new CommandRejectedException(Kind.NOT_FOUND, "resource_missing", "contact_list_id",
                    "No such contact list: '" + s.contactListId() + "'");
        }
        apply(new CampaignCreatedEvent(command.campaignId(), command.accountId(), CampaignRules.normalized(s)));
    }

    CampaignSettings settings() {
        return settings;
    }

    /** The facts come from {@link CampaignCommandHandler}: the agent and list as they are now, and the list's size. */
    void handle(StartCampaignCommand command, boolean agentExists, boolean listExists, int listSize) {
        OwnedBy.check(accountId, command.accountId(), RESOURCE, campaignId);
        if (status != Status.DRAFT) {
            throw conflict("campaign_not_startable", "Only a draft campaign can be started; this one is " + statusName());
        }
        if (!agentExists) {
            throw conflict("agent_deleted", "The campaign's agent '" + settings.agentId() + "' has been deleted");
        }
        if (!listExists) {
            throw conflict("contact_list_deleted", "The campaign's contact list '" + settings.contactListId() + "' has been deleted");
        }
        if (listSize == 0) {
            throw conflict("contact_list_empty", "The campaign's contact list has no contacts to call");
        }
        apply(new CampaignStartedEvent(campaignId, accountId, settings.agentId(), settings.contactListId(), listSize));
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

    /** Contacts that joined the list while the campaign runs or is paused become its members; a draft takes them at its start. */
    void handle(EnrollCampaignContactsCommand command, List<String> newMembers) {
        if ((status == Status.RUNNING || status == Status.PAUSED) && !newMembers.isEmpty()) {
            apply(new CampaignContactsAddedEvent(campaignId, accountId, newMembers));
        }
    }

    /**
     * Sent by the dialer, possibly more than once and from several nodes: completion happens
     * once, and only when every current member is final (a fact {@link CampaignCommandHandler}
     * establishes with the membership changes held off).
     */
    void handle(CompleteCampaignCommand command, boolean everyMemberFinal) {
        if (status == Status.RUNNING && everyMemberFinal) {
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
