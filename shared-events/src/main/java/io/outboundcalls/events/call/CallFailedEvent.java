package io.outboundcalls.events.call;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The call never connected: {@code outcome} is {@code busy}, {@code no_answer} or {@code failed}.
 * {@code retryable} and {@code canceled} as on {@link CallCompletedEvent}.
 */
@Revision("1")
public record CallFailedEvent(String callId, String accountId, String campaignId, String contactId, String agentId,
                              int attempt, CallOutcome outcome, String endReason, boolean retryable, Instant endedAt,
                              Boolean canceled) {

    public boolean wasCanceled() {
        return Boolean.TRUE.equals(canceled);
    }
}
