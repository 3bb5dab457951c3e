package io.outboundcalls.webhooks.outbox;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * The outbox is a streaming processor that starts at the HEAD of the event stream when its
 * tokens are first created: on the first deploy over an existing event store it must not turn
 * the whole history into webhooks.
 */
@Configuration(proxyBeanMethods = false)
class WebhookOutboxConfiguration {

    @Autowired
    void register(EventProcessingConfigurer processing, ObjectProvider<WebhookOutbox> outbox) {
        // not annotated, so not found by Axon's scan of the context: registered here, once, and
        // created when Axon builds its processors (its mappers need the query gateway)
        processing.registerEventHandler(config -> outbox.getObject());
    }

    @Autowired
    void configure(EventProcessingConfigurer processing) {
        processing.registerTrackingEventProcessor(WebhookOutbox.PROCESSING_GROUP,
                org.axonframework.config.Configuration::eventStore,
                config -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andBatchSize(100)
                        .andInitialTrackingToken(StreamableMessageSource::createHeadToken));
    }
}
