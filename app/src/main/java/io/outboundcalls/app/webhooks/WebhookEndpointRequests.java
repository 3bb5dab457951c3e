package io.outboundcalls.app.webhooks;

import io.outboundcalls.app.web.JsonFields;
import io.outboundcalls.webhooks.EventTypes;
import io.outboundcalls.webhooks.endpoint.UrlGuard;
import io.outboundcalls.webhooks.endpoint.WebhookEndpoint;
import io.outboundcalls.webhooks.endpoint.WebhookEndpoints;

import java.util.LinkedHashSet;
import java.util.List;

/** Reads webhook endpoint bodies (docs/api.md §3 Webhook endpoint). */
final class WebhookEndpointRequests {

    static final int MAX_URL = 2048;

    private WebhookEndpointRequests() {
    }

    record Create(String url, String description, List<String> enabledEvents) {
    }

    static Create create(JsonFields f, UrlGuard guard) {
        String url = url(f, guard, f.requiredString("url", MAX_URL));
        String description = f.optionalString("description", 500);
        List<String> events = enabledEvents(f);
        if (events == null && !f.hasErrors()) {
            f.error("enabled_events", "parameter_missing",
                    "'enabled_events' is required: a list of event types, or [\"*\"] for all");
        }
        f.throwIfInvalid();
        return new Create(url, description, events);
    }

    static WebhookEndpoints.Changes update(JsonFields f, UrlGuard guard) {
        for (String required : List.of("url", "enabled_events", "status")) {
            if (f.isNull(required)) {
                f.error(required, "invalid_value", "'" + required + "' cannot be removed");
            }
        }
        String url = url(f, guard, f.optionalString("url", MAX_URL));
        boolean clearDescription = f.isNull("description");
        String description = f.optionalString("description", 500);
        List<String> events = enabledEvents(f);
        String status = f.optionalEnum("status", List.of(WebhookEndpoint.ENABLED, WebhookEndpoint.DISABLED));
        f.throwIfInvalid();
        return new WebhookEndpoints.Changes(url, description, clearDescription, events, status);
    }

    private static String url(JsonFields f, UrlGuard guard, String url) {
        if (url == null) {
            return null;
        }
        return guard.check(url).map(problem -> {
            f.error("url", problem.code(), problem.detail());
            return (String) null;
        }).orElse(url);
    }

    private static List<String> enabledEvents(JsonFields f) {
        List<String> events = f.optionalStringList("enabled_events", EventTypes.TYPES.size() + 1, 100);
        if (events == null) {
            return null;
        }
        if (events.isEmpty()) {
            f.error("enabled_events", "invalid_value", "'enabled_events' must name at least one event type, or \"*\"");
            return null;
        }
        for (int i = 0; i < events.size(); i++) {
            String type = events.get(i);
            if (!type.equals(EventTypes.ALL) && !EventTypes.TYPES.contains(type)) {
                f.error("enabled_events." + i, "invalid_event_type", "Unknown event type '" + type + "'; expected one of "
                        + String.join(", ", EventTypes.TYPES) + ", or \"*\"");
            }
        }
        if (events.contains(EventTypes.ALL) && events.size() > 1) {
            f.error("enabled_events", "invalid_value", "\"*\" already subscribes to every type; list it alone");
        }
        return List.copyOf(new LinkedHashSet<>(events));
    }
}
