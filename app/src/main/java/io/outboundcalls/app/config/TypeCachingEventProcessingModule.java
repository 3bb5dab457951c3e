package io.outboundcalls.app.config;

import org.axonframework.config.EventProcessingModule;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * Axon's event processing module, with each tracking processor's handler invokers wrapped in a
 * {@link TypeCachingEventHandlerInvoker}, so that skipping an event no group handles costs a
 * lookup instead of several stream pipelines per thread.
 */
class TypeCachingEventProcessingModule extends EventProcessingModule {

    @Override
    protected EventProcessor trackingEventProcessor(String name, EventHandlerInvoker eventHandlerInvoker,
                                                    TrackingEventProcessorConfiguration config,
                                                    StreamableMessageSource<TrackedEventMessage<?>> source) {
        return super.trackingEventProcessor(name, cached(eventHandlerInvoker), config, source);
    }

    /** Each invoker of a group is wrapped, so the multi-invoker's per-delegate checks are cached too. */
    static EventHandlerInvoker cached(EventHandlerInvoker invoker) {
        if (invoker instanceof MultiEventHandlerInvoker multi) {
            return new MultiEventHandlerInvoker(multi.delegates().stream().map(TypeCachingEventProcessingModule::cached).toList());
        }
        return invoker instanceof TypeCachingEventHandlerInvoker ? invoker : new TypeCachingEventHandlerInvoker(invoker);
    }
}
