package io.outboundcalls.command.call;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Ends a call we no longer want: {@code reason} as on {@code CallHangUpRequestedEvent}. */
public record HangUpCallCommand(@TargetAggregateIdentifier String callId, String accountId, String reason, Instant at) {
}
