package io.outboundcalls.events.call;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The provider delivered a connected call's recording after its end was reported without one (Twilio's recording
 * callback can come long after the call, when the file is ready): {@code recordingRef} is the telephony adapter's
 * handle on it, as in {@link CallCompletedEvent}.
 */
@Revision("1")
public record CallRecordingAddedEvent(String callId, String accountId, String campaignId, String recordingRef, Instant at) {
}
