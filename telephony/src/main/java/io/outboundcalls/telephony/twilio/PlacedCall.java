package io.outboundcalls.telephony.twilio;

import io.outboundcalls.command.telephony.DialRequest;
import java.time.Instant;

/** One row of {@code telephony.twilio_calls}: a call placed with Twilio and what its callbacks said so far. */
record PlacedCall(String callId, DialRequest request, String callSid, String status, int lastSequence, boolean answered,
                  String answeredBy, boolean voicemailHandled, Integer durationSeconds, Integer sipResponseCode,
                  Instant completedAt, String recordingState, String outcome, Instant finishedAt) {

    static final String RECORDING_STORED = "stored";
    static final String RECORDING_ABSENT = "absent";

    boolean finished() {
        return finishedAt != null;
    }

    boolean completed() {
        return completedAt != null;
    }

    /** Twilio reports a call as {@code completed} only when it was answered; a CallDuration also says so. */
    boolean connected() {
        return answered || "completed".equals(status) || (durationSeconds != null && durationSeconds > 0);
    }
}
