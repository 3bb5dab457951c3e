package io.outboundcalls.app.projections;

import io.outboundcalls.webhooks.outbox.WebhookOutbox;

/**
 * Which processing groups may be replayed. A replay re-handles every past event: harmless for a
 * read model that its reset handler cleared, but for a processor with side effects it would
 * re-send webhooks or re-dial contacts. Subscribing processors have no token to reset.
 */
final class Rebuildability {

    private Rebuildability() {
    }

    /** @return why the group must not be rebuilt, or null when it may */
    static String refusal(String group, boolean subscribing) {
        if (subscribing) {
            return "runs in the command's transaction (subscribing) and has no position to reset";
        }
        if (group.equals(WebhookOutbox.PROCESSING_GROUP)) {
            return "has side effects: a replay would send every past webhook again";
        }
        if (group.startsWith("dialer")) {
            return "has side effects: a replay would dial contacts again";
        }
        return null;
    }
}
