package io.outboundcalls.events.call;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record CallRingingEvent(String callId, String accountId, String campaignId, Instant at) {
}
