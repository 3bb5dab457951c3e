package io.outboundcalls.app.config;

import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Segment;

/**
 * Remembers, per payload type, whether the invoker it wraps has a handler for it, and whether it
 * supports a reset. Axon asks both for every event on every tracking thread and answers by
 * streaming over every handler each time: on a 100,000-row import the groups that ignore contact
 * events spent about a fifth of all event-processor CPU deciding so. Both answers only depend on
 * the handler classes, fixed when the processor is built. A type with a handler still goes through
 * the wrapped invoker's own {@code canHandle} (parameters, segment).
 */
public final class TypeCachingEventHandlerInvoker implements EventHandlerInvoker {

    private final EventHandlerInvoker delegate;
    private final ClassValue<Boolean> handlesType = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> payloadType) {
            return delegate.canHandleType(payloadType);
        }
    };
    private volatile Boolean supportsReset;

    TypeCachingEventHandlerInvoker(EventHandlerInvoker delegate) {
        this.delegate = delegate;
    }

    public EventHandlerInvoker delegate() {
        return delegate;
    }

    @Override
    public boolean canHandle(EventMessage<?> eventMessage, Segment segment) {
        return handlesType.get(eventMessage.getPayloadType()) && delegate.canHandle(eventMessage, segment);
    }

    @Override
    public boolean canHandleType(Class<?> payloadType) {
        return handlesType.get(payloadType);
    }

    @Override
    public void handle(EventMessage<?> message, Segment segment) throws Exception {
        delegate.handle(message, segment);
    }

    @Override
    public boolean supportsReset() {
        Boolean answer = supportsReset;
        if (answer == null) {
            answer = delegate.supportsReset();
            supportsReset = answer;
        }
        return answer;
    }

    @Override
    public void performReset() {
        delegate.performReset();
    }

    @Override
    public <R> void performReset(R resetContext) {
        delegate.performReset(resetContext);
    }

    @Override
    public void segmentReleased(Segment segment) {
        delegate.segmentReleased(segment);
    }
}
