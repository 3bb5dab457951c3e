package io.outboundcalls.command.call;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** From the telephony adapter: the provider accepted the call under its own id. */
public record RecordProviderCallCommand(@TargetAggregateIdentifier String callId, String provider, String providerCallId,
                                        Instant at) {
}
