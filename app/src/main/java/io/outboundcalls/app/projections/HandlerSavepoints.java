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


/**
 * Runs each event handler of a dead-lettered projection inside a savepoint. A failed SQL
 * statement aborts the whole PostgreSQL transaction, so without this the dead-letter queue could
 * not even record the failure in the batch's transaction: the batch would roll back and retry
 * forever. With it, only the failed handler's writes are undone and the event is parked.
 */
@Component
class HandlerSavepoints implements HandlerEnhancerDefinition {

    private final TransactionTemplate nested;

    HandlerSavepoints(PlatformTransactionManager transactionManager) {
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

    private static boolean isDeadLettered(MessageHandlingMember<?> member) {
        Class<?> type;
        try {
            type = member.declaringClass();
        } catch (UnsupportedOperationException e) {
            return false;
        }
        ProcessingGroup group = AnnotationUtils.findAnnotation(type, ProcessingGroup.class);
        return group != null && type.getPackageName().startsWith("io.outboundcalls.query")
                && Rebuildability.refusal(group.value(), false) == null;
    }

    /** Carries a checked handler exception through the transaction callback. */
    private static final class Checked extends RuntimeException {
        Checked(Exception cause) {
            super(cause);
        }
    }
}
