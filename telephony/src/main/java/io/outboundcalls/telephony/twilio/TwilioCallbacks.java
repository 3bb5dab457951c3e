package io.outboundcalls.telephony.twilio;

import com.fasterxml.jackson.databind.JsonNode;
import io.outboundcalls.command.call.AddCallRecordingCommand;
import io.outboundcalls.command.call.ReportCallAnsweredCommand;
import io.outboundcalls.command.call.ReportCallRingingCommand;
import io.outboundcalls.command.telephony.PromptVariables;
import io.outboundcalls.events.agent.AgentSettings;
import io.outboundcalls.events.agent.VoicemailSettings;
import io.outboundcalls.platform.Json;
import io.outboundcalls.telephony.recording.RecordingStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What Twilio's callbacks mean for a call. Each is handled with the call's row locked, so callbacks of one call
 * never interleave, and each is idempotent: a status callback applies only when its {@code SequenceNumber} is
 * beyond the last one applied and no final status is in (a duplicate or a late arrival changes nothing), a
 * verdict or a recording is taken once. Statuses become the Call aggregate's report commands; the end is
 * reported by the {@link TwilioCallFinisher} once it has what it waits for.
 */
class TwilioCallbacks {

    private static final Logger log = LoggerFactory.getLogger(TwilioCallbacks.class);

    private final TwilioCalls calls;
    private final TwilioCallFinisher finisher;
    private final TwilioRestClient rest;
    private final RecordingStore recordings;
    private final CommandGateway commands;
    private final TransactionTemplate tx;
    private final Clock clock;

    TwilioCallbacks(TwilioCalls calls, TwilioCallFinisher finisher, TwilioRestClient rest, RecordingStore recordings,
                    CommandGateway commands, TransactionTemplate tx, Clock clock) {
        this.calls = calls;
        this.finisher = finisher;
        this.rest = rest;
        this.recordings = recordings;
        this.commands = commands;
        this.tx = tx;
        this.clock = clock;
    }

    /** {@code CallStatus} with {@code SequenceNumber}, {@code CallDuration}, {@code SipResponseCode}, {@code Timestamp}. */
    void status(String callId, Map<String, String> form) {
        String status = form.getOrDefault("CallStatus", "");
        int sequence = sequence(form);
        tx.executeWithoutResult(t -> calls.lock(callId).ifPresent(call -> {
            if (call.finished() || call.completed() || !sameCall(call, form) || sequence <= call.lastSequence()) {
                return;
            }
            if (call.callSid() == null) {
                calls.named(callId, form.get("CallSid"));
            }
            calls.status(callId, status, sequence);
            Instant at = timestamp(form.get("Timestamp"));
            switch (status) {
                case "ringing" -> commands.sendAndWait(new ReportCallRingingCommand(callId, at));
                case "in-progress" -> {
                    calls.answered(callId);
                    commands.sendAndWait(new ReportCallAnsweredCommand(callId, TwilioOutcomes.answeredBy(call.answeredBy()), at));
                }
                default -> {
                    if (TwilioOutcomes.isFinal(status)) {
                        calls.ended(callId, integer(form.get("CallDuration")), integer(form.get("SipResponseCode")), at);
                        calls.lock(callId).ifPresent(finisher::finishLocked);
                    }
                }
            }
        }));
    }

    /**
     * The answering-machine verdict ({@code AnsweredBy}). Once a machine's greeting is over the agent's voicemail
     * setting applies: the call's TwiML is replaced by the message and a hang-up, or the call is hung up at once.
     */
    void amd(String callId, Map<String, String> form) {
        String verdict = form.get("AnsweredBy");
        Optional<PlacedCall> toDrop = tx.execute(t -> calls.lock(callId).flatMap(call -> {
            if (verdict == null || call.finished() || !sameCall(call, form) || Objects.equals(verdict, call.answeredBy())) {
                return Optional.empty();
            }
            calls.answeredBy(callId, verdict);
            boolean drop = TwilioOutcomes.isEndOfGreeting(verdict) && !call.voicemailHandled() && !call.completed() && call.callSid() != null;
            if (drop) {
                calls.voicemailHandled(callId, clock.instant());
            }
            calls.lock(callId).ifPresent(finisher::finishLocked);
            return drop ? Optional.of(call) : Optional.empty();
        }));
        toDrop.ifPresent(this::leaveVoicemail);
    }

    private void leaveVoicemail(PlacedCall call) {
        AgentSettings agent = call.request().agent();
        VoicemailSettings voicemail = agent.voicemail() == null ? VoicemailSettings.DEFAULT : agent.voicemail();
        Form update = new Form();
        if (VoicemailSettings.LEAVE_MESSAGE.equals(voicemail.action()) && voicemail.message() != null) {
            update.add("Twiml", Twiml.voicemail(PromptVariables.fill(voicemail.message(), call.request().contact()), agent));
        } else {
            update.add("Status", "completed");
        }
        try {
            rest.updateCall(call.callSid(), update);
        } catch (RuntimeException e) {
            // the relay session goes on with the machine; the call still ends, as a voicemail
            log.warn("Leaving the voicemail of call {} failed: {}", call.callId(), e.toString());
        }
    }

    /** {@code RecordingStatus} completed (downloaded and kept) or absent (there will be none). */
    void recording(String callId, Map<String, String> form) {
        Optional<PlacedCall> row = calls.row(callId);
        if (row.isEmpty() || row.get().recordingState() != null || !sameCall(row.get(), form)) {
            return;
        }
        String recordingSid = form.get("RecordingSid");
        String state = PlacedCall.RECORDING_ABSENT;
        if ("completed".equals(form.get("RecordingStatus")) && recordingSid != null && recordingSid.matches("RE[0-9a-fA-F]{32}")) {
            recordings.store(callId, "audio/wav", rest.downloadRecording(recordingSid));
            state = PlacedCall.RECORDING_STORED;
        }
        String recorded = state;
        tx.executeWithoutResult(t -> calls.lock(callId).ifPresent(call -> {
            calls.recording(callId, recorded);
            if (call.finished() && PlacedCall.RECORDING_STORED.equals(recorded)) {
                // the end was reported without it (finish-wait ran out): the call gets it now
                commands.sendAndWait(new AddCallRecordingCommand(callId, TwilioCallGateway.recordingRef(callId), clock.instant()));
                return;
            }
            calls.lock(callId).ifPresent(finisher::finishLocked);
        }));
    }

    /**
     * The relay session ended ({@code <Connect action>}): a transfer dials the agent's own transfer number (never a
     * number the session sent), anything else hangs up.
     */
    String relayEnded(String callId, Map<String, String> form) {
        Optional<PlacedCall> call = calls.row(callId).filter(c -> sameCall(c, form));
        String transferNumber = call.map(c -> c.request().agent().transferNumber()).orElse(null);
        if (transferNumber != null && "transfer".equals(handoffAction(form.get("HandoffData")))) {
            return Twiml.dial(transferNumber);
        }
        return Twiml.hangUp();
    }

    private static String handoffAction(String handoffData) {
        if (handoffData == null || handoffData.isBlank()) {
            return null;
        }
        try {
            JsonNode data = Json.MAPPER.readTree(handoffData);
            return data.path("action").asText(null);
        } catch (IOException e) {
            return null;
        }
    }

    /** A callback names our call in its URL and Twilio's in CallSid: both must agree once Twilio named the call. */
    private static boolean sameCall(PlacedCall call, Map<String, String> form) {
        String sid = form.get("CallSid");
        boolean same = call.callSid() == null || call.callSid().equals(sid);
        if (!same) {
            log.warn("Callback for call {} carries CallSid {}, not {}: ignored", call.callId(), sid, call.callSid());
        }
        return same;
    }

    /** Twilio numbers a call's status callbacks; without a number, the order of the statuses themselves. */
    private static int sequence(Map<String, String> form) {
        Integer number = integer(form.get("SequenceNumber"));
        if (number != null) {
            return number;
        }
        return switch (form.getOrDefault("CallStatus", "")) {
            case "queued", "initiated" -> 0;
            case "ringing" -> 1;
            case "in-progress" -> 2;
            default -> 3;
        };
    }

    private Instant timestamp(String value) {
        if (value != null) {
            try {
                return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                log.debug("Callback Timestamp '{}' is not RFC 2822", value);
            }
        }
        return clock.instant();
    }

    private static Integer integer(String value) {
        if (value == null || !value.matches("\\d{1,9}")) {
            return null;
        }
        return Integer.valueOf(value);
    }
}
