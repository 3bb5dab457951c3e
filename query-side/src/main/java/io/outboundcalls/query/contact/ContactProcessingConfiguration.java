package io.outboundcalls.query.contact;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * The contacts projection takes larger batches than the default: an import writes one event
 * per contact, and each batch is one transaction, so fewer, larger commits keep the read model
 * close behind a 100,000-row import ({@link io.outboundcalls.platform.BatchedStatements} writes each batch's inserts at once).
 */
@Configuration(proxyBeanMethods = false)
class ContactProcessingConfiguration {

    /** Events per transaction for the contacts projection. */
    private static final int BATCH_SIZE = 1000;
    /**
     * One segment for a new token store: two threads inserting the same time-ordered ids into the
     * same index pages contended, and each read every event to keep half of them (a 100,000-row
     * import was listed in 19-22 s with one segment, 24-33 s with two).
     */
    private static final int INITIAL_SEGMENTS = 1;
    /** Token stores created before that have two segments, which need a thread each. */
    private static final int THREADS = 2;

    @Autowired
    void configure(EventProcessingConfigurer processing) {
        processing.registerTrackingEventProcessorConfiguration(ContactProjection.PROCESSING_GROUP,
                config -> TrackingEventProcessorConfiguration.forParallelProcessing(THREADS)
                        .andInitialSegmentsCount(INITIAL_SEGMENTS)
                        .andBatchSize(BATCH_SIZE));
    }
}
