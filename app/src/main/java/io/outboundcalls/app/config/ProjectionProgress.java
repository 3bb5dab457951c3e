package io.outboundcalls.app.config;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.EventTrackerStatusChangeListener;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Tells whoever waits for a read model (read-your-writes) that a tracking processor of this node
 * has moved: Axon calls it after each batch's transaction has committed and the processor's
 * in-memory position has advanced, so a waiter looks again at once instead of after a sleep.
 * Waiters read {@link #version()} before they look, and wait only if nothing moved since.
 */
@Component
public class ProjectionProgress implements EventTrackerStatusChangeListener {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition moved = lock.newCondition();
    private volatile long version;

    @Override
    public void onEventTrackerStatusChange(Map<Integer, EventTrackerStatus> updatedTrackerStatus) {
        lock.lock();
        try {
            version++;
            moved.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Called on every batch, not only when a segment is claimed or released. */
    @Override
    public boolean validatePositions() {
        return true;
    }

    /** Counts the batches committed by this node's processors since start. */
    public long version() {
        return version;
    }

    /** Returns once a processor has moved after {@code seen} was read, or after {@code maxNanos}. */
    public void awaitMoveAfter(long seen, long maxNanos) {
        lock.lock();
        try {
            long left = maxNanos;
            while (version == seen && left > 0) {
                left = moved.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }
}
