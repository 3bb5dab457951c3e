package io.outboundcalls.command.call;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** From the telephony provider: the callee's phone is ringing. */
public record ReportCallRingingCommand(@TargetAggregateIdentifier String callId, Instant at) {
}
