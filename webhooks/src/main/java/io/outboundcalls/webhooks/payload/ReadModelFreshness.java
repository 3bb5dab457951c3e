package io.outboundcalls.webhooks.payload;

import java.time.Duration;

/**
 * Waits until a projection has processed an event, so the data rendered from its read model is
 * at least as new as the event being published. Implemented by the application, which knows the
 * processors and their tokens (the same bounded wait that serves the API's read-your-writes).
 */
public interface ReadModelFreshness {

    /**
     * Waits until the processing group has processed the event at global {@code index} of the
     * aggregate; with a null {@code aggregateId}, until every segment of the group has passed it.
     *
     * @return true when covered, false when {@link #timeout()} passed first
     */
    boolean awaitIndex(String processingGroup, String aggregateId, long index);

    /** The same, for the aggregate's latest event. */
    boolean await(String processingGroup, String aggregateId);

    /** How long a wait lasts at most; the data is rendered then anyway. */
    Duration timeout();
}
