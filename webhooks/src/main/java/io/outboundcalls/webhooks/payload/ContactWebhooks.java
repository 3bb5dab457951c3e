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

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

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
                    () -> contact(event, e.accountId(), e.contactId(), new Change(e.status().name(), null))));
        }
        if (event.getPayload() instanceof ContactOptedOutEvent e) {
            return Optional.of(PublicEvent.of(EventTypes.CONTACT_UPDATED, e.accountId(),
                    () -> contact(event, e.accountId(), e.contactId(), new Change("OPTED_OUT", true))));
        }
        return Optional.empty();
    }

    /** What the event changed: the contact's status and, for an opt-out, its do-not-call flag. */
    private record Change(String status, Boolean doNotCall) {

        String apiStatus() {
            return status.toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The contact as GET shows it once the contacts projection has applied this event (its row's version
     * reaches the event's sequence). A row still older after the freshness timeout is shown with the
     * event's change applied, so the payload never contradicts its event; a contact deleted meanwhile is
     * what the event itself says.
     */
    private Object contact(EventMessage<?> event, String accountId, String contactId, Change change) {
        webhookData.awaitProjection(event, ContactProjection.PROCESSING_GROUP, contactId);
        Supplier<Optional<ContactView>> read = () -> queries.query(new FindContactQuery(accountId, contactId),
                ResponseTypes.optionalInstanceOf(ContactView.class)).join();
        Optional<ContactView> first = read.get();
        if (first.isEmpty()) {
            return deleted(contactId, change);
        }
        Optional<ContactView> caughtUp = webhookData.catchUp(event, first, read, ContactView::version);
        if (caughtUp.isEmpty()) {
            return deleted(contactId, change);
        }
        ContactView view = caughtUp.get();
        if (WebhookData.isOlderThan(view, ContactView::version, event)) {
            view = withChange(view, change, event.getTimestamp());
        }
        return ContactResponse.of(view);
    }

    private static ContactView withChange(ContactView v, Change change, Instant at) {
        boolean doNotCall = change.doNotCall() != null ? change.doNotCall() : v.doNotCall();
        String reason = Boolean.TRUE.equals(change.doNotCall()) ? "opted_out" : v.doNotCallReason();
        return new ContactView(v.id(), v.accountId(), v.phoneNumber(), v.rawPhoneNumber(), v.firstName(), v.lastName(),
                v.email(), v.metadata(), v.timezone(), v.timezoneCandidates(), v.timezoneSource(), doNotCall,
                change.apiStatus(), v.listIds(), reason, v.createdAt(), at, v.version());
    }

    private static Map<String, Object> deleted(String contactId, Change change) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", contactId);
        data.put("object", "contact");
        data.put("status", change.apiStatus());
        if (change.doNotCall() != null) {
            data.put("do_not_call", change.doNotCall());
        }
        return data;
    }
}
