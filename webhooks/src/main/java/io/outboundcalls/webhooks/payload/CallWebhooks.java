package io.outboundcalls.webhooks.payload;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outboundcalls.events.call.CallCompletedEvent;
import io.outboundcalls.events.call.CallFailedEvent;
import io.outboundcalls.events.call.CallStartedEvent;
import io.outboundcalls.query.call.CallProjection;
import io.outboundcalls.query.call.CallView;
import io.outboundcalls.query.call.FindCallQuery;
import io.outboundcalls.webhooks.EventTypes;
import io.outboundcalls.webhooks.outbox.PublicEvent;
import io.outboundcalls.webhooks.outbox.PublicEventMapper;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.Set;

/**
 * {@code call.started} (answered), {@code call.completed} (with transcript and outcome) and
 * {@code call.failed} (never connected): the data is the call object as {@code GET /v1/calls/:id}
 * shows it once the calls projection has processed the event; {@code call.completed} adds the
 * transcript as {@code GET /v1/calls/:id/transcript} shows it (its turns are the event's).
 */
@Component
class CallWebhooks implements PublicEventMapper {

    private final QueryGateway queries;
    private final WebhookData webhookData;
    private final ObjectMapper objectMapper;

    CallWebhooks(QueryGateway queries, WebhookData webhookData, ObjectMapper objectMapper) {
        this.queries = queries;
        this.webhookData = webhookData;
        this.objectMapper = objectMapper;
    }

    @Override
    public Set<Class<?>> payloadTypes() {
        return Set.of(CallStartedEvent.class, CallCompletedEvent.class, CallFailedEvent.class);
    }

    @Override
    public Optional<PublicEvent> map(EventMessage<?> event) {
        Object payload = event.getPayload();
        if (payload instanceof CallStartedEvent e) {
            return Optional.of(PublicEvent.of(EventTypes.CALL_STARTED, e.accountId(),
                    () -> call(event, e.accountId(), e.callId())));
        }
        if (payload instanceof CallCompletedEvent e) {
            return Optional.of(PublicEvent.of(EventTypes.CALL_COMPLETED, e.accountId(), () -> {
                ObjectNode call = call(event, e.accountId(), e.callId());
                call.put("outcome", e.outcome().apiName());
                call.set("transcript", objectMapper.valueToTree(TranscriptResponse.of(e.callId(), e.transcript())));
                return call;
            }));
        }
        if (payload instanceof CallFailedEvent e) {
            return Optional.of(PublicEvent.of(EventTypes.CALL_FAILED, e.accountId(),
                    () -> call(event, e.accountId(), e.callId())));
        }
        return Optional.empty();
    }

    private ObjectNode call(EventMessage<?> event, String accountId, String callId) {
        webhookData.awaitProjection(event, CallProjection.PROCESSING_GROUP, callId);
        Optional<CallView> view = webhookData.readAtLeastAsNewAs(event, () -> queries.query(new FindCallQuery(accountId, callId),
                ResponseTypes.optionalInstanceOf(CallView.class)).join(), CallView::version);
        if (view.isPresent()) {
            return objectMapper.valueToTree(CallResponse.of(view.get()));
        }
        // never block the outbox: without a read-model row, send what identifies the call
        ObjectNode minimal = objectMapper.createObjectNode();
        minimal.put("id", callId);
        minimal.put("object", "call");
        return minimal;
    }
}
