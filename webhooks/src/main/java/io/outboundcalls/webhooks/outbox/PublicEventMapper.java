package io.outboundcalls.webhooks.outbox;

import org.axonframework.eventhandling.EventMessage;

import java.util.Optional;

/**
 * Turns a domain event into the public webhook event it stands for, if any. Every Spring bean
 * implementing this is asked about every event the outbox sees, so an implementation must answer
 * quickly when the event is not its own (check the payload type first). Several mappers may map
 * the same domain event to different types; each gets its own {@code evt_} id.
 *
 * <pre>
 * &#64;Component
 * class CallCompletedMapper implements PublicEventMapper {
 *     public Optional&lt;PublicEvent&gt; map(EventMessage&lt;?&gt; event) {
 *         return event.getPayload() instanceof CallCompletedEvent e
 *                 ? Optional.of(PublicEvent.of(EventTypes.CALL_COMPLETED, e.accountId(), () -&gt; render(e)))
 *                 : Optional.empty();
 *     }
 * }
 * </pre>
 */
public interface PublicEventMapper {

    Optional<PublicEvent> map(EventMessage<?> event);
}
