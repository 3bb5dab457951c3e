package io.outboundcalls.webhooks.contact;

import io.outboundcalls.events.contact.ContactOptedOutEvent;
import io.outboundcalls.events.contact.ContactStatus;
import io.outboundcalls.events.contact.ContactStatusChangedEvent;
import io.outboundcalls.webhooks.EventTypes;
import io.outboundcalls.webhooks.outbox.PublicEvent;
import io.outboundcalls.webhooks.outbox.PublicEventMapper;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code contact.updated}: a contact's status changed after a call, or the callee opted out.
 * The data is rendered from the event itself (id, object, new status); a mapper that renders the
 * full contact from its read model can replace it.
 */
@Component
class ContactUpdatedMapper implements PublicEventMapper {

    @Override
    public Optional<PublicEvent> map(EventMessage<?> event) {
        if (event.getPayload() instanceof ContactStatusChangedEvent e) {
            return Optional.of(PublicEvent.of(EventTypes.CONTACT_UPDATED, e.accountId(),
                    () -> contact(e.contactId(), e.status(), null)));
        }
        if (event.getPayload() instanceof ContactOptedOutEvent e) {
            return Optional.of(PublicEvent.of(EventTypes.CONTACT_UPDATED, e.accountId(),
                    () -> contact(e.contactId(), ContactStatus.OPTED_OUT, true)));
        }
        return Optional.empty();
    }

    private static Map<String, Object> contact(String contactId, ContactStatus status, Boolean doNotCall) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", contactId);
        data.put("object", "contact");
        data.put("status", status.name().toLowerCase(Locale.ROOT));
        if (doNotCall != null) {
            data.put("do_not_call", doNotCall);
        }
        return data;
    }
}
