package io.outboundcalls.command.call;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** From the telephony adapter: a recording that arrived after the call's end was reported. */
public record AddCallRecordingCommand(@TargetAggregateIdentifier String callId, String recordingRef, Instant at) {
}
