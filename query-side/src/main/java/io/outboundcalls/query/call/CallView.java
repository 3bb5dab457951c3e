package io.outboundcalls.query.call;

import java.time.Instant;
import java.util.Map;

/**
 * A call as the read model holds it; {@code recordingRef} is the telephony adapter's handle,
 * {@code version} the sequence number of the call's last event applied to it; {@code provider}
 * ({@code twilio} | {@code simulator}) dialed it under {@code providerCallId}.
 */
public record CallView(String id, String accountId, String campaignId, String agentId, String contactId, String to,
                       String from, int attempt, String status, String answeredBy, String outcome, String endReason,
                       Instant queuedAt, Instant startedAt, Instant answeredAt, Instant endedAt, Long durationSeconds,
                       Long billedSeconds, Long creditsCharged, String summary, Map<String, Object> analysis,
                       String recordingRef, Instant createdAt, long version, String provider, String providerCallId,
                       boolean testMode) {

    public boolean hasRecording() {
        return recordingRef != null;
    }
}
