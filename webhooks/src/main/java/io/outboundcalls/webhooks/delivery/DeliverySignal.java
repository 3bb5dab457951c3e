package io.outboundcalls.webhooks.delivery;

import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * An in-JVM nudge from the outbox (or a resend) to the sender: new deliveries are due, look now
 * instead of at the next poll. Other nodes still find them by polling.
 */
@Component
public class DeliverySignal {

    private final Semaphore pending = new Semaphore(0);

    public void wake() {
        if (pending.availablePermits() == 0) {
            pending.release();
        }
    }

    /** Waits for a nudge or the timeout; true when nudged. */
    boolean await(Duration timeout) throws InterruptedException {
        boolean woken = pending.tryAcquire(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
        pending.drainPermits();
        return woken;
    }
}
