package io.outboundcalls.command.contact;

import io.outboundcalls.command.common.OwnedBy;
import io.outboundcalls.events.contact.ContactAddedToListEvent;
import io.outboundcalls.events.contact.ContactCreatedEvent;
import io.outboundcalls.events.contact.ContactDeletedEvent;
import io.outboundcalls.events.contact.ContactDetails;
import io.outboundcalls.events.contact.ContactOptedOutEvent;
import io.outboundcalls.events.contact.ContactRemovedFromListEvent;
import io.outboundcalls.events.contact.ContactStatus;
import io.outboundcalls.events.contact.ContactStatusChangedEvent;
import io.outboundcalls.events.contact.ContactUpdatedEvent;
import io.outboundcalls.events.contact.DoNotCallReason;
import io.outboundcalls.events.contact.ResolvedTimezone;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static io.outboundcalls.command.contact.ContactChanges.*;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

/**
 * A person to call. Create, update and delete come through {@link ContactCommandHandler}, and an
 * import's creates and updates through {@link ContactImportBatchHandler} (both own the
 * phone-number uniqueness table); the dialer's status changes and opt-outs are handled here
 * directly.
 */
@Aggregate(repository = ContactConfiguration.REPOSITORY)
class Contact {

    static final String RESOURCE = "contact";

    @AggregateIdentifier
    private String contactId;
    private String accountId;
    private ContactDetails details;
    private ResolvedTimezone timezone;
    private boolean doNotCall;
    private DoNotCallReason doNotCallReason;
    private ContactStatus status;
    private final Set<String> listIds = new TreeSet<>();

    protected Contact() {
    }

    /**
     * Creates the contact with one event, memberships included (an import of 100,000 rows writes
     * 100,000 events, not 200,000). {@code suppressed}: why the number may not be called in the
     * account, when it may not (see {@link NumberSuppressions}); the contact is then do-not-call.
     */
    Contact(String contactId, String accountId, ContactDetails details, ResolvedTimezone timezone, boolean doNotCall,
            DoNotCallReason suppressed, Set<String> listIds) {
        apply(new ContactCreatedEvent(contactId, accountId, details, timezone, doNotCall || suppressed != null,
                List.copyOf(new TreeSet<>(listIds)), suppressed));
    }

    String accountId() {
        return accountId;
    }

    String phoneNumber() {
        return details.phoneNumber();
    }

    void checkOwner(String requestingAccountId) {
        OwnedBy.check(accountId, requestingAccountId, RESOURCE, contactId);
    }

    /**
     * {@code suppressedNumber}: why the new number may not be called, when the change gives the
     * contact a suppressed number (null otherwise); the contact then becomes do-not-call for it.
     */
    void update(ContactChanges changes, DoNotCallReason suppressedNumber) {
        ContactDetails updated = new ContactDetails(
                changes.has(PHONE_NUMBER) ? changes.phoneNumber() : details.phoneNumber(),
                changes.has(PHONE_NUMBER) ? changes.rawPhoneNumber() : details.rawPhoneNumber(),
                changes.has(FIRST_NAME) ? changes.firstName() : details.firstName(),
                changes.has(LAST_NAME) ? changes.lastName() : details.lastName(),
                changes.has(EMAIL) ? changes.email() : details.email(),
                changes.has(METADATA) ? mergedMetadata(changes.metadata()) : details.metadata());
        ResolvedTimezone resolved = timezone;
        if (changes.has(TIMEZONE) || changes.has(PHONE_NUMBER)) {
            String explicit = changes.has(TIMEZONE) ? changes.timezone()
                    : ResolvedTimezone.EXPLICIT.equals(timezone.source()) ? timezone.timezone() : null;
            resolved = ContactTimezones.resolve(updated.phoneNumber(), explicit);
        }
        boolean dnc = changes.has(DO_NOT_CALL) && changes.doNotCall() != null ? changes.doNotCall() : doNotCall;
        DoNotCallReason reason = dnc ? (doNotCall ? doNotCallReason : DoNotCallReason.MARKED) : null;
        if (suppressedNumber != null) {
            dnc = true;
            reason = reason == DoNotCallReason.OPTED_OUT ? reason : suppressedNumber;
        }
        if (!updated.equals(details) || !resolved.equals(timezone) || dnc != doNotCall || reason != doNotCallReason) {
            apply(new ContactUpdatedEvent(contactId, accountId, updated, resolved, dnc, reason));
        }
        if (changes.has(LIST_IDS)) {
            Set<String> wanted = changes.listIds() == null ? Set.of() : new TreeSet<>(changes.listIds());
            for (String listId : new TreeSet<>(listIds)) {
                if (!wanted.contains(listId)) {
                    apply(new ContactRemovedFromListEvent(contactId, accountId, listId));
                }
            }
            addToLists(wanted);
        }
    }

    void addToLists(Set<String> wanted) {
        for (String listId : new TreeSet<>(wanted)) {
            if (!listIds.contains(listId)) {
                apply(new ContactAddedToListEvent(contactId, accountId, listId));
            }
        }
    }

    void delete() {
        apply(new ContactDeletedEvent(contactId, accountId));
    }

    /** Sent by the dialer; {@link ContactCommandHandler} records an opt-out among the suppressed numbers. */
    void handle(ChangeContactStatusCommand command) {
        checkOwner(command.accountId());
        if (command.status() == status || isOptedOut()) {
            return; // an opt-out is final: no later call outcome may make the contact callable again
        }
        if (command.status() == ContactStatus.OPTED_OUT) {
            apply(new ContactOptedOutEvent(contactId, accountId, command.campaignId(), command.callId()));
            return;
        }
        apply(new ContactStatusChangedEvent(contactId, accountId, command.status(), command.campaignId(), command.callId()));
    }

    void handle(OptOutContactCommand command) {
        checkOwner(command.accountId());
        if (isOptedOut() && doNotCall) {
            return;
        }
        apply(new ContactOptedOutEvent(contactId, accountId, command.campaignId(), command.callId()));
    }

    boolean isOptedOut() {
        return status == ContactStatus.OPTED_OUT;
    }

    boolean isDoNotCall() {
        return doNotCall;
    }

    DoNotCallReason doNotCallReason() {
        return doNotCallReason;
    }

    private Map<String, String> mergedMetadata(Map<String, String> patch) {
        if (patch == null) {
            return Map.of();
        }
        Map<String, String> merged = new LinkedHashMap<>(details.metadata() == null ? Map.of() : details.metadata());
        patch.forEach((key, value) -> {
            if (value == null || value.isEmpty()) {
                merged.remove(key);
            } else {
                merged.put(key, value);
            }
        });
        return merged;
    }

    @EventSourcingHandler
    void on(ContactCreatedEvent event) {
        contactId = event.contactId();
        accountId = event.accountId();
        details = event.details();
        timezone = event.timezone();
        doNotCall = event.doNotCall();
        doNotCallReason = event.doNotCallReason();
        status = event.doNotCallReason() == DoNotCallReason.OPTED_OUT ? ContactStatus.OPTED_OUT : ContactStatus.NEW;
        listIds.addAll(event.listIds());
    }

    @EventSourcingHandler
    void on(ContactUpdatedEvent event) {
        details = event.details();
        timezone = event.timezone();
        doNotCall = event.doNotCall();
        // events stored before reasons existed read as MARKED; an opted-out contact's reason is its opt-out
        doNotCallReason = doNotCall && isOptedOut() ? DoNotCallReason.OPTED_OUT : event.doNotCallReason();
    }

    @EventSourcingHandler
    void on(ContactAddedToListEvent event) {
        listIds.add(event.listId());
    }

    @EventSourcingHandler
    void on(ContactRemovedFromListEvent event) {
        listIds.remove(event.listId());
    }

    @EventSourcingHandler
    void on(ContactStatusChangedEvent event) {
        status = event.status();
    }

    @EventSourcingHandler
    void on(ContactOptedOutEvent event) {
        status = ContactStatus.OPTED_OUT;
        doNotCall = true;
        doNotCallReason = DoNotCallReason.OPTED_OUT;
    }

    @EventSourcingHandler
    void on(ContactDeletedEvent event) {
        markDeleted();
    }
}
