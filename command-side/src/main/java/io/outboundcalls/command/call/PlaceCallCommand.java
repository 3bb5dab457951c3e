package io.outboundcalls.command.call;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Creates the Call aggregate of one attempt; its id is derived, so a second creation is refused. */
public record PlaceCallCommand(@TargetAggregateIdentifier String callId, String accountId, String campaignId,
                               String contactId, String agentId, String to, String from, int attempt,
                               int maxAttempts, List<String> retryOn, long reservedCredits, Instant queuedAt) {
}
