package io.outboundcalls.events.call;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The provider accepted the call and named it: {@code providerCallId} is its id (Twilio's {@code CA…} sid). */
@Revision("1")
public record CallProviderAssignedEvent(String callId, String accountId, String campaignId, String provider,
                                        String providerCallId, Instant at) {
}
