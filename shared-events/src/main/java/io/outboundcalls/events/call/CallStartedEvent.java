package io.outboundcalls.events.call;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The call connected; {@code answeredBy} is {@code human}, {@code voicemail} or {@code unknown}. */
@Revision("1")
public record CallStartedEvent(String callId, String accountId, String campaignId, String contactId,
                               String answeredBy, Instant answeredAt) {
}
