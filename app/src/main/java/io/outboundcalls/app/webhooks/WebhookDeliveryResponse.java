package io.outboundcalls.app.webhooks;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.outboundcalls.webhooks.delivery.WebhookDelivery;

import java.time.Instant;

/** One line of an endpoint's delivery log; {@code last_response_body} is the first 2 KB. */
@JsonPropertyOrder({"id", "object"})
record WebhookDeliveryResponse(String id, String object, String endpointId, String eventId, String type, String status,
                               int attempts, Integer lastResponseStatus, String lastResponseBody, String lastError,
                               Instant nextAttemptAt, Instant lastAttemptAt, Instant deliveredAt, Instant createdAt) {

    static WebhookDeliveryResponse of(WebhookDelivery d) {
        return new WebhookDeliveryResponse(d.id(), "webhook_delivery", d.endpointId(), d.eventId(), d.type(),
                d.status(), d.attempts(), d.lastResponseStatus(), d.lastResponseBody(), d.lastError(),
                d.nextAttemptAt(), d.lastAttemptAt(), d.deliveredAt(), d.createdAt());
    }
}
