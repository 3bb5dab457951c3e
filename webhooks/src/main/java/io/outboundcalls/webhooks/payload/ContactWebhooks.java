package io.outboundcalls.webhooks.payload;

import io.outboundcalls.events.contact.ContactOptedOutEvent;
import io.outboundcalls.events.contact.ContactStatusChangedEvent;
import io.outboundcalls.query.contact.ContactProjection;
import io.outboundcalls.query.contact.ContactView;
import io.outboundcalls.query.contact.FindContactQuery;
import io.outboundcalls.webhooks.EventTypes;
import io.outboundcalls.webhooks.outbox.PublicEvent;
import io.outboundcalls.webhooks.outbox.PublicEventMapper;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code contact.updated}: a contact's status changed after a call (or it opted out); data is the contact. */
@Component
class ContactWebhooks implements PublicEventMapper {

    private final QueryGateway queries;
    private final WebhookData webhookData;

    ContactWebhooks(QueryGateway queries, WebhookData webhookData) {
        this.queries = queries;
        this.webhookData = webhookData;
    }

    @Override
    public Set<Class<?>> payloadTypes() {
        return Set.of(ContactStatusChangedEvent.class, ContactOptedOutEvent.class);
    }

    @Override
    public Optional<PublicEvent> map(EventMessage<?> event) {
        if (event.getPayload() instanceof ContactStatusChangedEvent e) {
            return Optional.of(PublicEvent.of(EventTypes.CONTACT_UPDATED, e.accountId(),
                    () -> contact(event, e.accountId(), e.contactId(), e.status().name(), null)));
        }
        if (event.getPayload() instanceof ContactOptedOutEvent e) {
            return Optional.of(PublicEvent.of(EventTypes.CONTACT_UPDATED, e.accountId(),
                    () -> contact(event, e.accountId(), e.contactId(), "OPTED_OUT", true)));
        }
        return Optional.empty();
    }

    /** The contact as GET shows it; if it was deleted meanwhile, what the event itself says. */
    private Object contact(EventMessage<?> event, String accountId, String contactId, String status, Boolean doNotCall) {
        webhookData.awaitProjection(event, ContactProjection.PROCESSING_GROUP, contactId);
        Optional<ContactView> view = queries.query(new FindContactQuery(accountId, contactId),
                ResponseTypes.optionalInstanceOf(ContactView.class)).join();
        if (view.isPresent()) {
            return ContactResponse.of(view.get());
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", contactId);
        data.put("object", "contact");
        data.put("status", status.toLowerCase(Locale.ROOT));
        if (doNotCall != null) {
            data.put("do_not_call", doNotCall);
        }
        return data;
    }
}
