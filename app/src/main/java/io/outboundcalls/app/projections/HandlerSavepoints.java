package io.outboundcalls.app.projections;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;


/**
 * Lets the dead-letter queue work on PostgreSQL. A failed SQL statement aborts the whole
 * transaction, so the queue could not record the failure in the batch's transaction: the batch
 * would roll back and retry forever. An event whose handler failed is therefore remembered, and
 * when the batch is retried that event alone runs inside a savepoint: its failure undoes only its
 * own writes and it is parked. Other events run without savepoints, which would otherwise halve
 * the speed of a rebuild (two more statements per event). Dead letters being retried always run
 * in one.
 */
@Component
class HandlerSavepoints implements HandlerEnhancerDefinition {

    /** How many failing events are remembered; far more than can fail in one batch. */
    private static final int REMEMBERED = 10_000;

    private final TransactionTemplate nested;
    private final Rebuildability rebuildability;
    private final Set<String> isolated = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    });

    HandlerSavepoints(PlatformTransactionManager transactionManager, Rebuildability rebuildability) {
        this.rebuildability = rebuildability;
        this.nested = new TransactionTemplate(transactionManager);
        this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        if (!original.canHandleMessageType(EventMessage.class) || !isDeadLettered(original)) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                    return super.handle(message, target);
                }
                if (!isIsolated(message.getIdentifier())) {
                    try {
                        return super.handle(message, target);
                    } catch (Exception e) {
                        isolate(message.getIdentifier());
                        throw e;
                    }
                }
                try {
                    return nested.execute(status -> {
                        try {
                            return super.handle(message, target);
                        } catch (RuntimeException e) {
                            throw e;
                        } catch (Exception e) {
                            throw new Checked(e);
                        }
                    });
                } catch (Checked e) {
                    throw (Exception) e.getCause();
                }
            }
        };
    }

    /** The next time this event is handled, it runs in a savepoint. */
    void isolate(String eventId) {
        synchronized (isolated) {
            isolated.add(eventId);
        }
    }

    private boolean isIsolated(String eventId) {
        synchronized (isolated) {
            return isolated.contains(eventId);
        }
    }

    /** A handler of a read-model group: the groups {@link ProjectionDeadLetters} gives a dead-letter queue. */
    private boolean isDeadLettered(MessageHandlingMember<?> member) {
        Class<?> type;
        try {
            type = member.declaringClass();
        } catch (UnsupportedOperationException e) {
            return false;
        }
        ProcessingGroup group = AnnotationUtils.findAnnotation(type, ProcessingGroup.class);
        return group != null && rebuildability.readModelGroups().contains(group.value());
    }

    /** Carries a checked handler exception through the transaction callback. */
    private static final class Checked extends RuntimeException {
        Checked(Exception cause) {
            super(cause);
        }
    }
}
