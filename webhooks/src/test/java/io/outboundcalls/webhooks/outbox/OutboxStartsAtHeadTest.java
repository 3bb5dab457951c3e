package io.outboundcalls.webhooks.outbox;

import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** On first deploy over an existing event store the outbox must not turn history into webhooks. */
class OutboxStartsAtHeadTest {

    @ProcessingGroup(WebhookOutbox.PROCESSING_GROUP)
    static class Recorder {
        final List<Object> seen = new CopyOnWriteArrayList<>();

        @EventHandler
        void on(String payload) {
            seen.add(payload);
        }
    }

    @Test
    void theOutboxProcessorStartsAtTheHeadOfTheStream() {
        Recorder recorder = new Recorder();
        var configurer = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine());
        EventProcessingConfigurer processing = configurer.eventProcessing();
        processing.registerEventHandler(c -> recorder);
        new WebhookOutboxConfiguration().configure(processing);
        Configuration config = configurer.buildConfiguration();
        config.eventStore().publish(GenericEventMessage.asEventMessage("history"));

        config.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> config.eventProcessingConfiguration()
                    .eventProcessor(WebhookOutbox.PROCESSING_GROUP).map(p -> p.isRunning()).orElse(false));
            config.eventStore().publish(GenericEventMessage.asEventMessage("new"));
            await().atMost(Duration.ofSeconds(10)).until(() -> recorder.seen.contains("new"));
            assertThat(recorder.seen).containsExactly("new");
        } finally {
            config.shutdown();
        }
    }
}
