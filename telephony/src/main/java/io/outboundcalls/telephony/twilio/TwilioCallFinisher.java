package io.outboundcalls.telephony.twilio;

import io.outboundcalls.command.call.ReportCallAnsweredCommand;
import io.outboundcalls.command.call.ReportCallEndedCommand;
import io.outboundcalls.platform.NamedThreads;
import io.outboundcalls.events.call.CallOutcome;
import io.outboundcalls.events.call.TranscriptTurn;
import io.outboundcalls.telephony.CallFinisher;
import io.outboundcalls.telephony.twilio.Conversations.Conversation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reports a Twilio call's end to the Call aggregate exactly once, when its halves are in: Twilio's final
 * status (with CallDuration, what is billed), and for an answered call the conversation the relay recorded
 * (none is awaited after a machine verdict) and the recording (or Twilio's word that there is none). Whatever
 * is still missing {@code finish-wait} after the final status, the end is reported without it. The call's row
 * is locked meanwhile, so two nodes never both report it; the report joins that transaction.
 */
class TwilioCallFinisher implements CallFinisher, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(TwilioCallFinisher.class);
    private static final long SWEEP_SECONDS = 5;

    private final TwilioCalls calls;
    private final Conversations conversations;
    private final CommandGateway commands;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration wait;
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(NamedThreads.named("twilio-finisher"));

    TwilioCallFinisher(TwilioCalls calls, Conversations conversations, CommandGateway commands, TransactionTemplate tx,
                       Clock clock, TwilioCallSettings settings) {
        this.calls = calls;
        this.conversations = conversations;
        this.commands = commands;
        this.tx = tx;
        this.clock = clock;
        this.wait = settings.finishWait();
        sweeper.scheduleWithFixedDelay(this::sweep, SWEEP_SECONDS, SWEEP_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void conversationFinished(String callId) {
        finishIfReady(callId);
    }

    /** Reports the end if everything it waits for is in, or waited for long enough. */
    void finishIfReady(String callId) {
        tx.executeWithoutResult(status -> calls.lock(callId).ifPresent(this::finishLocked));
    }

    /** Inside the caller's transaction, with the row locked. */
    void finishLocked(PlacedCall call) {
        if (call.finished() || !call.completed()) {
            return;
        }
        Instant now = clock.instant();
        if (!call.connected()) {
            TwilioOutcomes.NotConnected end = TwilioOutcomes.notConnected(call.status(), call.sipResponseCode());
            commands.sendAndWait("canceled".equals(call.status())
                    ? ReportCallEndedCommand.canceledByProvider(call.callId(), end.endReason(), call.completedAt())
                    : ReportCallEndedCommand.notConnected(call.callId(), end.outcome(), end.endReason(), call.completedAt()));
            calls.finished(call.callId(), end.outcome().apiName(), now);
            return;
        }
        boolean machine = TwilioOutcomes.isMachine(call.answeredBy());
        Optional<Conversation> conversation = machine ? Optional.empty() : conversations.find(call.callId());
        boolean complete = (machine || conversation.isPresent()) && call.recordingState() != null;
        if (!complete && call.completedAt().plus(wait).isAfter(now)) {
            return;
        }
        reportConnected(call, conversation.orElse(null), now);
    }

    private void reportConnected(PlacedCall call, Conversation conversation, Instant now) {
        long duration = call.durationSeconds() == null ? 0 : call.durationSeconds();
        if (!call.answered()) {
            // the answered callback was lost or is still on its way: the call did connect, for this long
            commands.sendAndWait(new ReportCallAnsweredCommand(call.callId(), TwilioOutcomes.answeredBy(call.answeredBy()),
                    call.completedAt().minusSeconds(duration)));
        }
        String endedBy = conversation == null ? null : conversation.endedBy();
        CallOutcome outcome = TwilioOutcomes.connected(call.answeredBy(), endedBy, duration, call.request().agent().maxDurationSeconds());
        String transferNumber = conversation == null ? null : conversation.transferNumber();
        String reason = TwilioOutcomes.endReason(outcome, endedBy, transferNumber, call.voicemailHandled() && leavesMessage(call));
        List<TranscriptTurn> transcript = conversation == null || conversation.transcript() == null ? List.of() : conversation.transcript();
        Map<String, Object> analysis = conversation == null || conversation.analysis() == null ? Map.of() : conversation.analysis();
        String recordingRef = PlacedCall.RECORDING_STORED.equals(call.recordingState()) ? TwilioCallGateway.recordingRef(call.callId()) : null;
        commands.sendAndWait(new ReportCallEndedCommand(call.callId(), outcome, reason, duration, transcript,
                conversation == null ? null : conversation.summary(), analysis, recordingRef, call.completedAt(),
                TwilioOutcomes.answeredBy(call.answeredBy())));
        calls.finished(call.callId(), outcome.apiName(), now);
    }

    private static boolean leavesMessage(PlacedCall call) {
        var voicemail = call.request().agent().voicemail();
        return voicemail != null && "leave_message".equals(voicemail.action()) && voicemail.message() != null;
    }

    /** Ends calls whose conversation or recording never came; any node may, the row lock decides. */
    private void sweep() {
        try {
            for (String callId : calls.overdue(wait, clock.instant())) {
                try {
                    finishIfReady(callId);
                } catch (RuntimeException e) {
                    log.warn("Finishing Twilio call {} failed: {}", callId, e.toString());
                }
            }
        } catch (RuntimeException e) {
            log.warn("Looking for overdue Twilio calls failed: {}", e.toString());
        }
    }

    @Override
    public void destroy() {
        sweeper.shutdownNow();
    }
}
