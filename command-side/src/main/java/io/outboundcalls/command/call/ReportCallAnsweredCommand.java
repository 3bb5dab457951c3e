package io.outboundcalls.command.call;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** From the telephony provider: the call connected; {@code answeredBy} human, voicemail or unknown. */
public record ReportCallAnsweredCommand(@TargetAggregateIdentifier String callId, String answeredBy, Instant at) {
}
