package io.outboundcalls.events.call;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The dialer queued attempt {@code attempt} of a campaign's contact. {@code maxAttempts} and
 * {@code retryOn} are the campaign's rules at that moment, so the call itself can tell whether
 * its outcome earns another attempt. {@code reservedCredits} are held until the call ends.
 * {@code provider} ({@code twilio} | {@code simulator}) dials it; {@code testMode} calls are charged
 * nothing. Both are null in events stored before they existed: those calls were simulated and charged.
 */
@Revision("1")
public record CallPlacedEvent(String callId, String accountId, String campaignId, String contactId, String agentId,
                              String to, String from, int attempt, int maxAttempts, List<String> retryOn,
                              long reservedCredits, Instant queuedAt, String provider, Boolean testMode) {

    public CallPlacedEvent(String callId, String accountId, String campaignId, String contactId, String agentId,
                           String to, String from, int attempt, int maxAttempts, List<String> retryOn,
                           long reservedCredits, Instant queuedAt) {
        this(callId, accountId, campaignId, contactId, agentId, to, from, attempt, maxAttempts, retryOn, reservedCredits,
                queuedAt, null, null);
    }

    public boolean inTestMode() {
        return Boolean.TRUE.equals(testMode);
    }
}
