package io.outboundcalls.webhooks.outbox;

import org.axonframework.eventhandling.EventMessage;

import java.util.Optional;
import java.util.Set;

/**
 * Turns a domain event into the public webhook event it stands for, if any. Every Spring bean
 * implementing this declares the payload types it maps; the outbox asks the mappers only about
 * events of those types (an import's 100,000 contact events are skipped at once).
 * Several mappers may map the same domain event to different types; each gets its own
 * {@code evt_} id.
 *
 * <pre>
 * &#64;Component
 * class CallCompletedMapper implements PublicEventMapper {
 *     public Set&lt;Class&lt;?&gt;&gt; payloadTypes() {
 *         return Set.of(CallCompletedEvent.class);
 *     }
 *
 *     public Optional&lt;PublicEvent&gt; map(EventMessage&lt;?&gt; event) {
 *         return event.getPayload() instanceof CallCompletedEvent e
 *                 ? Optional.of(PublicEvent.of(EventTypes.CALL_COMPLETED, e.accountId(), () -&gt; render(e)))
 *                 : Optional.empty();
 *     }
 * }
 * </pre>
 */
public interface PublicEventMapper {

    /** The domain event classes {@link #map} may turn into a public event. */
    Set<Class<?>> payloadTypes();

    Optional<PublicEvent> map(EventMessage<?> event);
}
