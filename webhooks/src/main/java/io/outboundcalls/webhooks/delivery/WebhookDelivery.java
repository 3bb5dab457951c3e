package io.outboundcalls.webhooks.delivery;

import java.time.Instant;

/** One event's delivery to one endpoint, as the delivery log shows it. */
public record WebhookDelivery(String id, String endpointId, String eventId, String type, String status, int attempts,
                              Integer lastResponseStatus, String lastResponseBody, String lastError,
                              Instant nextAttemptAt, Instant lastAttemptAt, Instant deliveredAt, Instant createdAt) {

    public static final String PENDING = "pending";
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";
}
