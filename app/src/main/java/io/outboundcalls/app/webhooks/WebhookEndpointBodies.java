package io.outboundcalls.app.webhooks;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The webhook endpoint bodies as the OpenAPI document describes them; {@link WebhookEndpointRequests} reads and checks them. */
final class WebhookEndpointBodies {

    private static final String EVENTS = "Event types (call.started, call.completed, call.failed, campaign.completed, "
            + "contact.updated, credits.low), or [\"*\"] for all";

    private WebhookEndpointBodies() {
    }

    @Schema(name = "CreateWebhookEndpointRequest", requiredProperties = {"url", "enabled_events"})
    record Create(@Schema(description = "A public https or http URL", example = "https://example.com/hooks/outboundcalls") String url,
                  @Schema(description = EVENTS) List<String> enabledEvents,
                  @Schema(maxLength = 500) String description) {
    }

    @Schema(name = "UpdateWebhookEndpointRequest", description = "Only the fields sent change")
    record Update(String url,
                  @Schema(description = EVENTS) List<String> enabledEvents,
                  @Schema(maxLength = 500) String description,
                  @Schema(allowableValues = {"enabled", "disabled"}) String status) {
    }
}
