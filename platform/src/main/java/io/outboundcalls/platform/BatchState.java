package io.outboundcalls.platform;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * State an event handler gathers over a unit of work (a processor's batch) and writes once, just
 * before that unit of work commits, inside its transaction: the batched statements, the stored
 * JSON of each row's newest version, a campaign's summed counts. One instance per key and unit
 * of work; outside a unit of work there is none, and the caller writes at once.
 */
public final class BatchState {

    private BatchState() {
    }

    /** A key for the state of {@code owner}, distinct from every other owner's. */
    public static String key(Object owner) {
        return owner.getClass().getName() + "@" + System.identityHashCode(owner);
    }

    /**
     * The current unit of work's state under {@code key}: created by {@code create} when first asked
     * for, and given to {@code beforeCommit} when the unit of work prepares to commit.
     * Only while a unit of work is active ({@link CurrentUnitOfWork#isStarted()}).
     */
    public static <T> T ofCurrentUnitOfWork(String key, Supplier<T> create, Consumer<T> beforeCommit) {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        return unitOfWork.getOrComputeResource(key, k -> {
            T created = create.get();
            unitOfWork.onPrepareCommit(u -> beforeCommit.accept(created));
            return created;
        });
    }
}
