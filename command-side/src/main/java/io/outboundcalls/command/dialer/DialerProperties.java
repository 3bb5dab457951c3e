package io.outboundcalls.command.dialer;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param sweepInterval    how often one node (db-scheduler picks it) looks for campaigns with
 *                         something due and for slots to recover; call ends and state changes
 *                         also wake the dialer at once
 * @param lease            how long a node holds a claimed slot without renewing it; a slot whose
 *                         lease expired (its node died or hung) is recovered by another node
 * @param leaseRenewal     how often a node renews the leases of the slots it holds (well under
 *                         {@code lease}, so one late renewal loses nothing)
 * @param recoverAfter     a call still not over this long after its agent's
 *                         max_duration_seconds is checked with the provider even though its
 *                         node is alive (a report that never arrived)
 * @param placementThreads calls placed in parallel by one node
 */
@ConfigurationProperties("outboundcalls.dialer")
public record DialerProperties(@DefaultValue("1s") Duration sweepInterval,
                               @DefaultValue("60s") Duration lease,
                               @DefaultValue("20s") Duration leaseRenewal,
                               @DefaultValue("15m") Duration recoverAfter,
                               @DefaultValue("8") int placementThreads) {

    public DialerProperties {
        if (leaseRenewal.isNegative() || leaseRenewal.isZero() || leaseRenewal.compareTo(lease) >= 0) {
            throw new IllegalArgumentException("outboundcalls.dialer.lease-renewal (" + leaseRenewal
                    + ") must be positive and shorter than outboundcalls.dialer.lease (" + lease + ")");
        }
    }
}
