package io.outboundcalls.query.contact;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * The contacts projection takes larger batches than the default: an import writes two events
 * per contact, and each batch is one transaction, so fewer, larger commits keep the read model
 * close behind a 100,000-row import ({@link BatchedInserts} writes each batch's inserts at once).
 */
@Configuration(proxyBeanMethods = false)
class ContactProcessingConfiguration {

    /** Events per transaction for the contacts projection. */
    private static final int BATCH_SIZE = 1000;
    /** As every other projection (see the app's AxonConfiguration). */
    private static final int SEGMENTS = 2;

    @Autowired
    void configure(EventProcessingConfigurer processing) {
        processing.registerTrackingEventProcessorConfiguration(ContactProjection.PROCESSING_GROUP,
                config -> TrackingEventProcessorConfiguration.forParallelProcessing(SEGMENTS)
                        .andInitialSegmentsCount(SEGMENTS)
                        .andBatchSize(BATCH_SIZE));
    }
}
