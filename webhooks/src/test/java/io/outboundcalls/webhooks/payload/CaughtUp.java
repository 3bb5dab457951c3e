package io.outboundcalls.webhooks.payload;

import java.time.Duration;

/** A freshness whose projection waits return at once, so a test sees only the re-reads that {@code timeout} bounds. */
final class CaughtUp implements ReadModelFreshness {

    private final Duration timeout;

    private CaughtUp(Duration timeout) {
        this.timeout = timeout;
    }

    static ReadModelFreshness within(Duration timeout) {
        return new CaughtUp(timeout);
    }

    @Override
    public boolean awaitIndex(String processingGroup, String aggregateId, long index) {
        return true;
    }

    @Override
    public boolean await(String processingGroup, String aggregateId) {
        return true;
    }

    @Override
    public Duration timeout() {
        return timeout;
    }
}
