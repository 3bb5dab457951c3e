package io.outboundcalls.app.webhooks;

import io.outboundcalls.app.web.ReadYourWrites;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;

import java.util.OptionalLong;

/**
 * Helps webhook mappers render {@code data} as the API shows it: before reading a read model,
 * wait until that projection has processed the very event being published, so the object is
 * at least as new as the event (bounded by {@code outboundcalls.read-your-writes}).
 */
@Component
public class WebhookData {

    private final ReadYourWrites readYourWrites;

    WebhookData(ReadYourWrites readYourWrites) {
        this.readYourWrites = readYourWrites;
    }

    public void awaitProjection(EventMessage<?> event, String processingGroup, String aggregateId) {
        OptionalLong index = globalIndex(event);
        if (index.isPresent()) {
            readYourWrites.awaitIndex(processingGroup, aggregateId, index.getAsLong());
        } else {
            readYourWrites.await(processingGroup, aggregateId);
        }
    }

    private static OptionalLong globalIndex(EventMessage<?> event) {
        if (event instanceof TrackedEventMessage<?> tracked) {
            TrackingToken token = tracked.trackingToken();
            if (token != null && token.position().isPresent()) {
                return OptionalLong.of(token.position().getAsLong());
            }
        }
        return OptionalLong.empty();
    }
}
