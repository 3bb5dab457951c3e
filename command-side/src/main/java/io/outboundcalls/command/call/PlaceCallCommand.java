package io.outboundcalls.command.call;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Creates the Call aggregate of one attempt; its id is derived, so a second creation is refused.
 * {@code provider} names the adapter that dials it; a {@code testMode} call is charged nothing.
 */
public record PlaceCallCommand(@TargetAggregateIdentifier String callId, String accountId, String campaignId,
                               String contactId, String agentId, String to, String from, int attempt,
                               int maxAttempts, List<String> retryOn, long reservedCredits, Instant queuedAt,
                               String provider, boolean testMode) {

    public PlaceCallCommand(String callId, String accountId, String campaignId, String contactId, String agentId, String to,
                            String from, int attempt, int maxAttempts, List<String> retryOn, long reservedCredits,
                            Instant queuedAt) {
        this(callId, accountId, campaignId, contactId, agentId, to, from, attempt, maxAttempts, retryOn, reservedCredits,
                queuedAt, null, false);
    }
}
