package io.outboundcalls.command.call;

import io.outboundcalls.events.call.CallOutcome;
import io.outboundcalls.events.call.TranscriptTurn;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * From the telephony provider: the call is over. For a call that never connected only
 * {@code outcome} (busy, no_answer, failed) and {@code endReason} matter. {@code answeredBy}, when
 * set, is who answered as known at the end: a provider that detects machines after the answer
 * ({@code voicemail} found only once the greeting ended) corrects what the answer report said.
 * {@code canceledByProvider}: the provider says the call was canceled before it was answered, though we did
 * not ask (someone canceled it in the provider's console or API): it ends {@code canceled}, as our own
 * hang-ups do, and is not tried again.
 */
public record ReportCallEndedCommand(@TargetAggregateIdentifier String callId, CallOutcome outcome, String endReason,
                                     long durationSeconds, List<TranscriptTurn> transcript, String summary,
                                     Map<String, Object> analysis, String recordingRef, Instant at, String answeredBy,
                                     boolean canceledByProvider) {

    public ReportCallEndedCommand(String callId, CallOutcome outcome, String endReason, long durationSeconds,
                                  List<TranscriptTurn> transcript, String summary, Map<String, Object> analysis,
                                  String recordingRef, Instant at, String answeredBy) {
        this(callId, outcome, endReason, durationSeconds, transcript, summary, analysis, recordingRef, at, answeredBy, false);
    }

    public ReportCallEndedCommand(String callId, CallOutcome outcome, String endReason, long durationSeconds,
                                  List<TranscriptTurn> transcript, String summary, Map<String, Object> analysis,
                                  String recordingRef, Instant at) {
        this(callId, outcome, endReason, durationSeconds, transcript, summary, analysis, recordingRef, at, null, false);
    }

    public static ReportCallEndedCommand notConnected(String callId, CallOutcome outcome, String endReason, Instant at) {
        return new ReportCallEndedCommand(callId, outcome, endReason, 0, List.of(), null, Map.of(), null, at);
    }

    /** The provider canceled the call before it was answered, without our asking. */
    public static ReportCallEndedCommand canceledByProvider(String callId, String endReason, Instant at) {
        return new ReportCallEndedCommand(callId, CallOutcome.FAILED, endReason, 0, List.of(), null, Map.of(), null, at, null, true);
    }
}
