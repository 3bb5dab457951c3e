package io.outboundcalls.app.contacts;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.outboundcalls.query.contact.ContactListView;

import java.time.Instant;

@JsonPropertyOrder({"id", "object"})
record ContactListResponse(String id, String object, String name, long contactCount, Instant createdAt) {

    static ContactListResponse of(ContactListView view) {
        return new ContactListResponse(view.id(), "contact_list", view.name(), view.contactCount(), view.createdAt());
    }
}
