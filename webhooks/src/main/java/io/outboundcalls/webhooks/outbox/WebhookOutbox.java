package io.outboundcalls.webhooks.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outboundcalls.webhooks.EventTypes;
import io.outboundcalls.webhooks.delivery.DeliverySignal;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Map;

/**
 * The outbox: turns domain events into public events and writes one pending delivery per enabled
 * endpoint subscribed to the type, in the processor's transaction, together with its token. So an
 * event is either fully in the outbox or will be processed again (and the derived ids make that
 * second pass a no-op). It starts at the head of the stream and ignores replays: deliveries are
 * history, not a read model, and rebuilding must never send old events again.
 * <p>
 * It is a plain {@link EventMessageHandler} rather than an annotated {@code on(Object)}: it tells
 * the processor which payload types it takes, so the processor skips every other event (an
 * import's 100,000 contact events) without deserializing it or invoking anything. Registered by
 * {@link WebhookOutboxConfiguration}.
 */
@Component
@ProcessingGroup(WebhookOutbox.PROCESSING_GROUP)
public class WebhookOutbox implements EventMessageHandler {

    public static final String PROCESSING_GROUP = "webhook-outbox";

    private final JdbcTemplate jdbc;
    private final List<PublicEventMapper> mappers;
    private final ObjectMapper json;
    private final DeliverySignal signal;
    /** Every payload type some mapper maps. */
    private final Set<Class<?>> mapped;

    WebhookOutbox(JdbcTemplate jdbc, List<PublicEventMapper> mappers, ObjectMapper json, DeliverySignal signal) {
        this.jdbc = jdbc;
        this.mappers = mappers;
        this.mapped = mappers.stream().flatMap(m -> m.payloadTypes().stream()).collect(Collectors.toUnmodifiableSet());
        this.json = json;
        this.signal = signal;
    }

    @Override
    public boolean canHandleType(Class<?> payloadType) {
        return mapped.contains(payloadType);
    }

    /** Only the mapped types, and never during a replay. Reads the payload's type, not the payload. */
    @Override
    public boolean canHandle(EventMessage<?> message) {
        return mapped.contains(message.getPayloadType()) && !ReplayToken.isReplay(message);
    }

    @Override
    public Object handle(EventMessage<?> message) {
        // Axon hands an event to every handler of the group once one of them can handle it
        if (!canHandle(message)) {
            return null;
        }
        for (PublicEventMapper mapper : mappers) {
            mapper.map(message).ifPresent(event -> write(message, event));
        }
        return null;
    }

    /** Nothing to clear: a reset replays history, which this projection deliberately ignores. */
    @Override
    public void prepareReset() {
    }

    @Override
    public Class<?> getTargetType() {
        return WebhookOutbox.class;
    }

    /**
     * Rows are collected for the whole batch and written in two batched statements just before the
     * batch's transaction commits; the subscribed endpoints are looked up once per account and type
     * per batch. The same transaction also stores the processor's token.
     */
    private void write(EventMessage<?> message, PublicEvent event) {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        Batch batch = unitOfWork.getOrComputeResource(Batch.class.getName(), key -> {
            Batch created = new Batch();
            unitOfWork.onPrepareCommit(u -> flush(created));
            unitOfWork.afterCommit(u -> signal.wake());
            return created;
        });
        List<String> endpoints = batch.endpoints.computeIfAbsent(event.accountId() + " " + event.type(), key ->
                jdbc.queryForList("""
                        select id from webhooks.endpoints where account_id = ? and status = 'enabled'
                        and enabled_events && array[?, ?]::text[]""",
                        String.class, event.accountId(), event.type(), EventTypes.ALL));
        if (endpoints.isEmpty()) {
            return;
        }
        Instant at = message.getTimestamp();
        String eventId = EventIds.derived("evt", message.getIdentifier() + "/" + event.type(), at);
        batch.events.add(new Object[]{eventId, event.accountId(), event.type(), body(eventId, event, at), Timestamp.from(at)});
        for (String endpointId : endpoints) {
            batch.deliveries.add(new Object[]{EventIds.derived("dlv", eventId + "/" + endpointId, at), endpointId,
                    eventId, event.type()});
        }
    }

    private void flush(Batch batch) {
        if (batch.events.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("insert into webhooks.events (id, account_id, type, body, created_at) values (?, ?, ?, ?, ?) "
                + "on conflict (id) do nothing", batch.events);
        jdbc.batchUpdate("""
                insert into webhooks.deliveries (id, endpoint_id, event_id, type, status, next_attempt_at)
                values (?, ?, ?, ?, 'pending', now()) on conflict (endpoint_id, event_id) do nothing""", batch.deliveries);
    }

    /** What one processor batch will write. */
    private static final class Batch {
        final Map<String, List<String>> endpoints = new HashMap<>();
        final List<Object[]> events = new ArrayList<>();
        final List<Object[]> deliveries = new ArrayList<>();
    }

    /** The Standard Webhooks body: {@code {"id","type","timestamp","data"}}, rendered once. */
    private String body(String eventId, PublicEvent event, Instant at) {
        ObjectNode body = json.createObjectNode();
        body.put("id", eventId);
        body.put("type", event.type());
        body.put("timestamp", at.toString());
        body.set("data", json.valueToTree(event.data().get()));
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not render webhook event " + eventId, e);
        }
    }
}
