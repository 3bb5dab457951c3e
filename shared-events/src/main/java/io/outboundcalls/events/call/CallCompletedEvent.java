package io.outboundcalls.events.call;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.serialization.Revision;

/**
 * A connected call ended. {@code retryable}: the outcome is in the campaign's {@code retry_on}
 * and attempts remain. {@code recordingRef} is the telephony adapter's handle on the recording.
 * {@code canceled}: the call ended after we asked for it to be hung up ({@link CallHangUpRequestedEvent});
 * null in events stored before it existed, which means false.
 */
@Revision("1")
public record CallCompletedEvent(String callId, String accountId, String campaignId, String contactId, String agentId,
                                 int attempt, CallOutcome outcome, String answeredBy, String endReason,
                                 long durationSeconds, long billedSeconds, long creditsCharged,
                                 List<TranscriptTurn> transcript, String summary, Map<String, Object> analysis,
                                 String recordingRef, boolean retryable, Instant endedAt, Boolean canceled) {

    public boolean wasCanceled() {
        return Boolean.TRUE.equals(canceled);
    }
}
