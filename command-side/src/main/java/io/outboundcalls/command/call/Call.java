package io.outboundcalls.command.call;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.outboundcalls.command.common.OwnedBy;
import io.outboundcalls.command.credits.CreditPricing;
import io.outboundcalls.events.call.CallCompletedEvent;
import io.outboundcalls.events.call.CallFailedEvent;
import io.outboundcalls.events.call.CallHangUpRequestedEvent;
import io.outboundcalls.events.call.CallOutcome;
import io.outboundcalls.events.call.CallPlacedEvent;
import io.outboundcalls.events.call.CallProviderAssignedEvent;
import io.outboundcalls.events.call.CallRecordingAddedEvent;
import io.outboundcalls.events.call.CallRingingEvent;
import io.outboundcalls.events.call.CallStartedEvent;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One attempt to reach one contact. Provider reports arrive as commands, possibly twice or late
 * (a provider retries its callbacks, a recovered simulation replays its script): each report
 * only moves the call forward, never back, and a finished call ignores them. A call we asked to
 * hang up ends {@code canceled}, never earning another attempt, whatever the provider reports.
 * A test-mode call is charged nothing.
 */
@Aggregate(cache = CallConfiguration.CACHE)
class Call {

    enum Status { QUEUED, RINGING, IN_PROGRESS, ENDED }

    /** Outcomes of a call that never connected: they end as CallFailedEvent. */
    private static final Set<CallOutcome> NOT_CONNECTED = EnumSet.of(CallOutcome.BUSY, CallOutcome.NO_ANSWER, CallOutcome.FAILED);

    @AggregateIdentifier
    private String callId;
    private String accountId;
    private String campaignId;
    private String contactId;
    private String agentId;
    private int attempt;
    private int maxAttempts;
    private List<String> retryOn;
    private Status status;
    private String answeredBy;
    private boolean hangUpRequested;
    private boolean testMode;
    private String providerCallId;
    private boolean connected;
    private String recordingRef;

    protected Call() {
    }

    @CommandHandler
    Call(PlaceCallCommand c) {
        apply(new CallPlacedEvent(c.callId(), c.accountId(), c.campaignId(), c.contactId(), c.agentId(), c.to(), c.from(),
                c.attempt(), c.maxAttempts(), List.copyOf(c.retryOn()), c.reservedCredits(), c.queuedAt(), c.provider(),
                c.testMode() ? Boolean.TRUE : null));
    }

    /** The provider's id is recorded once; a repeated report of it changes nothing. */
    @CommandHandler
    void handle(RecordProviderCallCommand c) {
        if (providerCallId == null) {
            apply(new CallProviderAssignedEvent(callId, accountId, campaignId, c.provider(), c.providerCallId(), c.at()));
        }
    }

    @CommandHandler
    void handle(ReportCallRingingCommand command) {
        if (status == Status.QUEUED) {
            apply(new CallRingingEvent(callId, accountId, campaignId, command.at()));
        }
    }

    @CommandHandler
    void handle(ReportCallAnsweredCommand command) {
        if (status == Status.QUEUED || status == Status.RINGING) {
            apply(new CallStartedEvent(callId, accountId, campaignId, contactId, command.answeredBy(), command.at()));
        }
    }

    /**
     * Every request is recorded while the call lives (each one tells the port to hang up: a request
     * that reached the provider before the dial did has to be repeated); an ended call stays as it is.
     */
    @CommandHandler
    void handle(HangUpCallCommand command) {
        OwnedBy.check(accountId, command.accountId(), "call", callId);
        if (status != Status.ENDED) {
            apply(new CallHangUpRequestedEvent(callId, accountId, campaignId, command.reason(), command.at()));
        }
    }

    @CommandHandler
    void handle(ReportCallEndedCommand c, CreditPricing pricing) {
        if (status == Status.ENDED) {
            return;
        }
        if (status != Status.IN_PROGRESS) {
            CallOutcome outcome = NOT_CONNECTED.contains(c.outcome()) ? c.outcome() : CallOutcome.FAILED;
            boolean canceled = hangUpRequested || c.canceledByProvider();
            apply(new CallFailedEvent(callId, accountId, campaignId, contactId, agentId, attempt, outcome, c.endReason(),
                    !canceled && earnsAnotherAttempt(outcome), c.at(), canceled));
            return;
        }
        long billed = testMode ? 0 : pricing.billedSeconds(c.durationSeconds());
        long credits = testMode ? 0 : pricing.creditsFor(c.durationSeconds());
        String finalAnsweredBy = c.answeredBy() == null ? answeredBy : c.answeredBy();
        apply(new CallCompletedEvent(callId, accountId, campaignId, contactId, agentId, attempt, c.outcome(), finalAnsweredBy,
                c.endReason(), c.durationSeconds(), billed, credits,
                c.transcript(), c.summary(), c.analysis(), c.recordingRef(), earnsAnotherAttempt(c.outcome()), c.at(),
                hangUpRequested));
    }

    /**
     * A recording that came after the end was reported without one is added once; a call still going (its end
     * will carry it) or one that never connected has none to add, and a second recording changes nothing.
     */
    @CommandHandler
    void handle(AddCallRecordingCommand c) {
        if (status == Status.ENDED && connected && recordingRef == null && c.recordingRef() != null) {
            apply(new CallRecordingAddedEvent(callId, accountId, campaignId, c.recordingRef(), c.at()));
        }
    }

    /** Another attempt only for outcomes the campaign retries, while attempts remain, and never for a call we hung up. */
    boolean earnsAnotherAttempt(CallOutcome outcome) {
        return !hangUpRequested && attempt < maxAttempts && retryOn.contains(outcome.apiName());
    }

    @EventSourcingHandler
    void on(CallPlacedEvent event) {
        callId = event.callId();
        accountId = event.accountId();
        campaignId = event.campaignId();
        contactId = event.contactId();
        agentId = event.agentId();
        attempt = event.attempt();
        maxAttempts = event.maxAttempts();
        retryOn = event.retryOn();
        status = Status.QUEUED;
        testMode = event.inTestMode();
    }

    @EventSourcingHandler
    void on(CallProviderAssignedEvent event) {
        providerCallId = event.providerCallId();
    }

    @EventSourcingHandler
    void on(CallRingingEvent event) {
        status = Status.RINGING;
    }

    @EventSourcingHandler
    void on(CallStartedEvent event) {
        status = Status.IN_PROGRESS;
        answeredBy = event.answeredBy();
    }

    @EventSourcingHandler
    void on(CallHangUpRequestedEvent event) {
        hangUpRequested = true;
    }

    @EventSourcingHandler
    void on(CallCompletedEvent event) {
        status = Status.ENDED;
        connected = true;
        recordingRef = event.recordingRef();
    }

    @EventSourcingHandler
    void on(CallRecordingAddedEvent event) {
        recordingRef = event.recordingRef();
    }

    @EventSourcingHandler
    void on(CallFailedEvent event) {
        status = Status.ENDED;
    }
}
