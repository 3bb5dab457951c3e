package io.outboundcalls.app.webhooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.outboundcalls.webhooks.endpoint.WebhookEndpoint;

import java.time.Instant;
import java.util.List;

/** The webhook endpoint object; {@code secret} only appears on create and roll_secret. */
@JsonPropertyOrder({"id", "object"})
record WebhookEndpointResponse(String id, String object, String url, String description, List<String> enabledEvents,
                               String status, @JsonInclude(JsonInclude.Include.NON_NULL) String secret,
                               Instant createdAt, Instant updatedAt) {

    static WebhookEndpointResponse of(WebhookEndpoint e) {
        return new WebhookEndpointResponse(e.id(), "webhook_endpoint", e.url(), e.description(), e.enabledEvents(),
                e.status(), e.secret(), e.createdAt(), e.updatedAt());
    }
}
