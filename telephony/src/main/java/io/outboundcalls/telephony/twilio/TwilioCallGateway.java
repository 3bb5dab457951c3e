package io.outboundcalls.telephony.twilio;

import io.outboundcalls.command.call.RecordProviderCallCommand;
import io.outboundcalls.command.call.ReportCallEndedCommand;
import io.outboundcalls.command.telephony.CallGateway;
import io.outboundcalls.command.telephony.CallStatus;
import io.outboundcalls.command.telephony.DialRequest;
import io.outboundcalls.events.call.CallOutcome;
import io.outboundcalls.telephony.recording.RecordingStore;
import java.time.Clock;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link CallGateway} when {@code provider=twilio}: places calls through Programmable Voice, records them in
 * {@code telephony.twilio_calls} first (so any node knows a callback's call), and names them on the Call aggregate
 * with Twilio's sid, never creating it twice ({@link SingleCallCreation}). A refusal (4xx) ends the call as failed
 * with Twilio's error code; 429 and 5xx are retried, and when they persist the dial fails and the dialer's recovery
 * tries again, looking first for the call an earlier try may have created. Test-mode
 * campaigns, and every call the simulator placed, go to the simulator.
 */
class TwilioCallGateway implements CallGateway {

    static final String PROVIDER = "twilio";
    private static final Logger log = LoggerFactory.getLogger(TwilioCallGateway.class);
    private static final String REF_PREFIX = "twilio:";

    private final CallGateway simulator;
    private final TwilioRestClient rest;
    private final SingleCallCreation creation;
    private final TwilioCalls calls;
    private final TwilioCallFinisher finisher;
    private final RecordingStore recordings;
    private final CommandGateway commands;
    private final TwilioProperties properties;
    private final TwilioCallSettings settings;
    private final Clock clock;

    TwilioCallGateway(CallGateway simulator, TwilioRestClient rest, TwilioCalls calls, TwilioCallFinisher finisher,
                      RecordingStore recordings, CommandGateway commands, TwilioProperties properties,
                      TwilioCallSettings settings, Clock clock) {
        this.simulator = simulator;
        this.rest = rest;
        this.creation = new SingleCallCreation(rest, calls, settings);
        this.calls = calls;
        this.finisher = finisher;
        this.recordings = recordings;
        this.commands = commands;
        this.properties = properties;
        this.settings = settings;
        this.clock = clock;
    }

    static String recordingRef(String callId) {
        return REF_PREFIX + callId;
    }

    @Override
    public String provider(DialRequest request) {
        return request.testMode() ? SIMULATOR_PROVIDER : PROVIDER;
    }

    @Override
    public void dial(DialRequest request) {
        if (request.testMode()) {
            simulator.dial(request);
            return;
        }
        TwilioCalls.Registration registration = calls.register(request);
        if (registration.state() == TwilioCalls.Registration.State.PLACED) {
            log.warn("Call {} was placed with Twilio already; not placing it twice", request.callId());
            return;
        }
        TwilioRestClient.TwilioCall placed;
        try {
            placed = creation.place(request.callId(), CallForm.of(request, properties, settings), registration.firstTry(),
                    registration.state() == TwilioCalls.Registration.State.UNCERTAIN);
        } catch (TwilioApiException e) {
            if (e.retryable()) {
                throw e;
            }
            refused(request, e);
            return;
        }
        calls.named(request.callId(), placed.sid());
        commands.sendAndWait(new RecordProviderCallCommand(request.callId(), PROVIDER, placed.sid(), clock.instant()));
        if (placed.status() != null && TwilioOutcomes.isFinal(placed.status())) {
            follow(request); // an earlier try's call, over while its callbacks found no one to tell
        }
    }

    /** Twilio will never place this call (an invalid number, a caller id not ours…): it failed, and says why. */
    private void refused(DialRequest request, TwilioApiException e) {
        log.info("Twilio refused call {}: {}", request.callId(), e.getMessage());
        commands.sendAndWait(ReportCallEndedCommand.notConnected(request.callId(), CallOutcome.FAILED, e.endReason(), clock.instant()));
        calls.finished(request.callId(), CallOutcome.FAILED.apiName(), clock.instant());
    }

    @Override
    public CallStatus status(String callId) {
        Optional<PlacedCall> row = calls.row(callId);
        if (row.isEmpty()) {
            return simulator.status(callId);
        }
        PlacedCall call = row.get();
        if (call.finished()) {
            return CallStatus.ended(CallOutcome.fromApiName(call.outcome()));
        }
        if (call.callSid() == null) {
            return CallStatus.NOT_FOUND;
        }
        TwilioRestClient.TwilioCall now = rest.fetchCall(call.callSid());
        return switch (now.status() == null ? "" : now.status()) {
            case "queued", "initiated", "ringing" -> CallStatus.ringing();
            case "in-progress" -> CallStatus.inProgress();
            case "completed" -> CallStatus.ended(CallOutcome.COMPLETED);
            default -> CallStatus.ended(TwilioOutcomes.notConnected(now.status(), null).outcome());
        };
    }

    /**
     * Twilio's callbacks reach whichever node, so following a call needs nothing, except a call that ended while
     * its final callback was lost: asked of Twilio and finished from here.
     */
    @Override
    public void follow(DialRequest request) {
        Optional<PlacedCall> row = calls.row(request.callId());
        if (row.isEmpty()) {
            simulator.follow(request);
            return;
        }
        PlacedCall call = row.get();
        if (call.finished() || call.completed() || call.callSid() == null) {
            return;
        }
        TwilioRestClient.TwilioCall now = rest.fetchCall(call.callSid());
        if (now.status() != null && TwilioOutcomes.isFinal(now.status())) {
            calls.status(call.callId(), now.status(), call.lastSequence());
            calls.ended(call.callId(), now.duration(), null, clock.instant());
            finisher.finishIfReady(call.callId());
        }
    }

    /** A call not yet answered is canceled (it stops ringing); an answered one is completed. */
    @Override
    public void hangUp(String callId) {
        Optional<PlacedCall> row = calls.row(callId);
        if (row.isEmpty()) {
            simulator.hangUp(callId);
            return;
        }
        PlacedCall call = row.get();
        if (call.finished() || call.completed() || call.callSid() == null) {
            return;
        }
        if (call.connected()) {
            rest.updateCall(call.callSid(), new Form().add("Status", "completed"));
            return;
        }
        try {
            rest.updateCall(call.callSid(), new Form().add("Status", "canceled"));
        } catch (TwilioApiException e) {
            if (e.retryable()) {
                throw e;
            }
            // answered meanwhile: Twilio cancels only calls that still ring
            rest.updateCall(call.callSid(), new Form().add("Status", "completed"));
        }
    }

    @Override
    public Optional<byte[]> fetchRecording(String recordingRef) {
        if (recordingRef != null && recordingRef.startsWith(REF_PREFIX)) {
            return recordings.find(recordingRef.substring(REF_PREFIX.length()));
        }
        return simulator.fetchRecording(recordingRef);
    }
}
