package io.outboundcalls.webhooks.endpoint;

import java.time.Instant;
import java.util.List;

/** A registered receiver. The secrets never leave the service except on create and roll. */
public record WebhookEndpoint(String id, String accountId, String url, String description, List<String> enabledEvents,
                              String status, String secret, Instant createdAt, Instant updatedAt) {

    public static final String ENABLED = "enabled";
    public static final String DISABLED = "disabled";
}
