package io.outboundcalls.events.campaign;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A running campaign cannot dial now: {@code reason} is {@code before_start_date},
 * {@code outside_calling_hours} or {@code insufficient_credits}; {@code nextDialAt} when known.
 */
@Revision("1")
public record CampaignWaitingEvent(String campaignId, String accountId, String reason, Instant nextDialAt) {

    public static final String BEFORE_START_DATE = "before_start_date";
    public static final String OUTSIDE_CALLING_HOURS = "outside_calling_hours";
    public static final String INSUFFICIENT_CREDITS = "insufficient_credits";
}
