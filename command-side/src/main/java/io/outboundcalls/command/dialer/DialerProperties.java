package io.outboundcalls.command.dialer;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param sweepInterval    how often one node (db-scheduler picks it) looks for campaigns with
 *                         something due; call ends and state changes also wake the dialer at once
 * @param recoverAfter     a claimed slot with no finished call after this long is re-driven (the
 *                         node that held it probably died); the derived call id prevents a twin
 * @param placementThreads calls placed in parallel by one node
 */
@ConfigurationProperties("outboundcalls.dialer")
public record DialerProperties(@DefaultValue("1s") Duration sweepInterval,
                               @DefaultValue("15m") Duration recoverAfter,
                               @DefaultValue("8") int placementThreads) {
}
