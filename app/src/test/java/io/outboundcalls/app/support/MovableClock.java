package io.outboundcalls.app.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The dialer's clock in tests: real time plus an offset that a test may set or advance.
 * Time keeps flowing after a move, as it does in production.
 */
public final class MovableClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    public void setTo(Instant now) {
        offset = Duration.between(Instant.now(), now);
    }

    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
