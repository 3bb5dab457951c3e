package io.outboundcalls.events.call;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * We asked for a call to be ended: {@code reason} is {@code hang_up} (the API) or
 * {@code campaign_cancelled}. The telephony port is told to hang up; the call's end, when the
 * provider reports it, is {@code canceled}.
 */
@Revision("1")
public record CallHangUpRequestedEvent(String callId, String accountId, String campaignId, String reason, Instant at) {

    public static final String HANG_UP = "hang_up";
    public static final String CAMPAIGN_CANCELLED = "campaign_cancelled";
}
