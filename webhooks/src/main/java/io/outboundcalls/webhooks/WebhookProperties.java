package io.outboundcalls.webhooks;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * Webhook delivery settings ({@code outboundcalls.webhooks.*}).
 *
 * @param allowPrivateNetworks allow {@code http} and private, loopback or link-local addresses
 *                             (development and tests only: it turns the SSRF guard off)
 * @param retrySchedule        delay before each retry after a failed attempt; once used up the
 *                             delivery is {@code failed} until resent
 * @param jitter               each retry delay is moved by up to this fraction either way, so a
 *                             receiver that comes back is not hit by every retry at once
 * @param connectTimeout       TCP + TLS connect timeout per attempt
 * @param responseTimeout      how long to wait for the receiver's response
 * @param senderThreads        deliveries in flight at once on this node
 * @param maxInFlightPerAccount deliveries of one account in flight at once on this node: kept below
 *                             {@code senderThreads}, so an account whose receivers hang holds only
 *                             part of the senders and the other accounts' deliveries keep going out
 * @param pollInterval         how often idle senders look for due deliveries (the outbox also
 *                             wakes them at once when it writes new ones)
 * @param disableAfter         an endpoint failing without a single success for this long is disabled
 * @param secretOverlap        how long the previous secret keeps signing after a roll
 */
@ConfigurationProperties("outboundcalls.webhooks")
public record WebhookProperties(@DefaultValue("false") boolean allowPrivateNetworks,
                                @DefaultValue({"5s", "5m", "30m", "2h", "5h", "10h", "10h"}) List<Duration> retrySchedule,
                                @DefaultValue("0.1") double jitter,
                                @DefaultValue("5s") Duration connectTimeout,
                                @DefaultValue("15s") Duration responseTimeout,
                                @DefaultValue("32") int senderThreads,
                                @DefaultValue("16") int maxInFlightPerAccount,
                                @DefaultValue("500ms") Duration pollInterval,
                                @DefaultValue("3d") Duration disableAfter,
                                @DefaultValue("24h") Duration secretOverlap) {

    /**
     * How long a claimed delivery is reserved for the node that claimed it: one attempt's worst
     * case plus a margin. If the node dies mid-attempt the delivery becomes due again after it.
     */
    public Duration claimLease() {
        return connectTimeout.plus(responseTimeout).plusSeconds(30);
    }
}
