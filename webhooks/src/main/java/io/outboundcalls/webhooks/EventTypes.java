package io.outboundcalls.webhooks;

import java.util.List;

/** The public webhook event types (docs/api.md §1 and §4): a permanent contract with receivers. */
public final class EventTypes {

    public static final String CALL_STARTED = "call.started";
    public static final String CALL_COMPLETED = "call.completed";
    public static final String CALL_FAILED = "call.failed";
    public static final String CAMPAIGN_COMPLETED = "campaign.completed";
    public static final String CONTACT_UPDATED = "contact.updated";
    public static final String CREDITS_LOW = "credits.low";
    /** Subscribes an endpoint to every type, including ones added later. */
    public static final String ALL = "*";

    public static final List<String> TYPES = List.of(CALL_STARTED, CALL_COMPLETED, CALL_FAILED,
            CAMPAIGN_COMPLETED, CONTACT_UPDATED, CREDITS_LOW);

    private EventTypes() {
    }
}
