package io.outboundcalls.events.campaign;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A running campaign cannot dial now: {@code reason} is {@code before_start_date},
 * {@code outside_calling_hours}, {@code insufficient_credits} or {@code concurrency_full} (every
 * slot of the campaign or its account is taken while contacts are due); {@code nextDialAt} when
 * known. One event when the waiting starts or its reason changes, then
 * {@link CampaignWaitingEndedEvent} when it ends: never one per dialer sweep.
 */
@Revision("1")
public record CampaignWaitingEvent(String campaignId, String accountId, String reason, Instant nextDialAt) {

    public static final String BEFORE_START_DATE = "before_start_date";
    public static final String OUTSIDE_CALLING_HOURS = "outside_calling_hours";
    public static final String INSUFFICIENT_CREDITS = "insufficient_credits";
    public static final String CONCURRENCY_FULL = "concurrency_full";
}
