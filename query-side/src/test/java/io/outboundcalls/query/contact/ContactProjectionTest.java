package io.outboundcalls.query.contact;

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
import io.outboundcalls.events.contactlist.ContactListCreatedEvent;
import io.outboundcalls.events.contactlist.ContactListDeletedEvent;
import io.outboundcalls.query.common.PageRequest;
import io.outboundcalls.query.support.ReadModelDatabase;
import io.outboundcalls.query.support.TestIds;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contacts read model as a plain object: redelivered and late events never move a contact,
 * a membership or a list's count backwards, and never bring a deleted contact or list back.
 */
class ContactProjectionTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private static final PageRequest ALL = new PageRequest(100, null, null, null, null);

    private final ContactProjection projection = new ContactProjection(ReadModelDatabase.jdbc());
    private final String accountId = TestIds.next("acct");
    private final String listId = TestIds.next("list");
    private final String contactId = TestIds.next("contact");

    @Test
    void aRedeliveredCreationKeepsOneContactAndCountsItOnceInItsList() {
        createList();
        create("Ada");
        create("Other");

        assertThat(find().orElseThrow().firstName()).isEqualTo("Ada");
        assertThat(members()).extracting(ContactView::id).containsExactly(contactId);
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void aCreationRedeliveredAfterTheDeleteDoesNotBringTheContactBack() {
        createList();
        create("Ada");
        projection.on(new ContactDeletedEvent(contactId, accountId), 1);
        create("Ada");

        assertThat(find()).isEmpty();
        assertThat(members()).isEmpty();
        assertThat(count()).isZero();
    }

    @Test
    void aRedeliveredDeleteLowersTheListCountOnce() {
        createList();
        create("Ada");
        projection.on(new ContactDeletedEvent(contactId, accountId), 1);
        projection.on(new ContactDeletedEvent(contactId, accountId), 1);

        assertThat(count()).isZero();
    }

    @Test
    void anUpdateOlderThanTheOneAppliedIsIgnored() {
        create("Ada");
        projection.on(updated("Third", false), 2, T0.plusSeconds(20));
        projection.on(updated("Second", false), 1, T0.plusSeconds(10));

        ContactView contact = find().orElseThrow();
        assertThat(contact.firstName()).isEqualTo("Third");
        assertThat(contact.updatedAt()).isEqualTo(T0.plusSeconds(20));
    }

    @Test
    void aLateStatusChangeNeverUndoesAnOptOut() {
        create("Ada");
        projection.on(new ContactOptedOutEvent(contactId, accountId, "camp_1", "call_2"), 2, T0.plusSeconds(20));
        projection.on(new ContactStatusChangedEvent(contactId, accountId, ContactStatus.REACHED, "camp_1", "call_1"), 1,
                T0.plusSeconds(10));

        ContactView contact = find().orElseThrow();
        assertThat(contact.status()).isEqualTo("opted_out");
        assertThat(contact.doNotCall()).isTrue();
        assertThat(contact.doNotCallReason()).isEqualTo("opted_out");
    }

    @Test
    void aCreationRedeliveredAfterDoNotCallWasLiftedKeepsItLifted() {
        projection.on(new ContactCreatedEvent(contactId, accountId, details("Ada"), timezone(), true, List.of(),
                DoNotCallReason.MARKED), 0, T0);
        projection.on(updated("Ada", false), 1, T0.plusSeconds(10));
        projection.on(new ContactCreatedEvent(contactId, accountId, details("Ada"), timezone(), true, List.of(),
                DoNotCallReason.MARKED), 0, T0);

        ContactView contact = find().orElseThrow();
        assertThat(contact.doNotCall()).isFalse();
        assertThat(contact.doNotCallReason()).isNull();
    }

    @Test
    void aRedeliveredAddToListCountsTheMemberOnce() {
        createList();
        projection.on(new ContactCreatedEvent(contactId, accountId, details("Ada"), timezone(), false, List.of()), 0, T0);
        projection.on(new ContactAddedToListEvent(contactId, accountId, listId), 1);
        projection.on(new ContactAddedToListEvent(contactId, accountId, listId), 1);

        assertThat(count()).isEqualTo(1);
        assertThat(find().orElseThrow().listIds()).containsExactly(listId);
    }

    @Test
    void aLateAddToListDoesNotUndoTheRemoval() {
        createList();
        projection.on(new ContactCreatedEvent(contactId, accountId, details("Ada"), timezone(), false, List.of()), 0, T0);
        projection.on(new ContactAddedToListEvent(contactId, accountId, listId), 1);
        projection.on(new ContactRemovedFromListEvent(contactId, accountId, listId), 2);
        projection.on(new ContactAddedToListEvent(contactId, accountId, listId), 1);

        assertThat(count()).isZero();
        assertThat(members()).isEmpty();
        assertThat(find().orElseThrow().listIds()).isEmpty();
    }

    @Test
    void aCreationRedeliveredAfterTheContactLeftItsListDoesNotRejoinIt() {
        createList();
        create("Ada");
        projection.on(new ContactRemovedFromListEvent(contactId, accountId, listId), 1);
        create("Ada");

        assertThat(count()).isZero();
        assertThat(members()).isEmpty();
        assertThat(find().orElseThrow().listIds()).isEmpty();
    }

    @Test
    void aListCreationRedeliveredAfterTheListsDeletionDoesNotBringItBack() {
        createList();
        projection.on(new ContactListDeletedEvent(listId, accountId), 1);
        createList();

        assertThat(projection.handle(new FindContactListQuery(accountId, listId))).isEmpty();
        assertThat(projection.handle(new ListContactListsQuery(accountId, ALL)).data()).isEmpty();
    }

    @Test
    void aRedeliveredAddToADeletedListIsIgnored() {
        createList();
        projection.on(new ContactCreatedEvent(contactId, accountId, details("Ada"), timezone(), false, List.of()), 0, T0);
        projection.on(new ContactAddedToListEvent(contactId, accountId, listId), 1);
        projection.on(new ContactListDeletedEvent(listId, accountId), 1);
        projection.on(new ContactAddedToListEvent(contactId, accountId, listId), 1);

        assertThat(find().orElseThrow().listIds()).isEmpty();
        assertThat(members()).isEmpty();
    }

    @Test
    void aCreationRedeliveredAfterItsListWasDeletedDoesNotRejoinIt() {
        createList();
        create("Ada");
        projection.on(new ContactListDeletedEvent(listId, accountId), 1);
        create("Ada");

        assertThat(find().orElseThrow().listIds()).isEmpty();
        assertThat(members()).isEmpty();
    }

    @Test
    void aRedeliveredRemovalLowersTheCountOnce() {
        createList();
        String other = TestIds.next("contact");
        projection.on(new ContactCreatedEvent(other, accountId, details("Bo"), timezone(), false, List.of(listId)), 0, T0);
        create("Ada");
        projection.on(new ContactRemovedFromListEvent(contactId, accountId, listId), 1);
        projection.on(new ContactRemovedFromListEvent(contactId, accountId, listId), 1);

        assertThat(count()).isEqualTo(1);
        assertThat(members()).extracting(ContactView::id).containsExactly(other);
    }

    @Test
    void aRedeliveredBatchWritesItsCreationsAtCommitAndSkipsTheDeletedContact() {
        createList();
        create("Ada");
        projection.on(new ContactDeletedEvent(contactId, accountId), 1);
        String other = TestIds.next("contact");

        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        create("Ada");
        projection.on(new ContactCreatedEvent(other, accountId, details("Bo"), timezone(), false, List.of(listId)), 0, T0);
        assertThat(projection.handle(new FindContactQuery(accountId, other))).as("held until the batch commits").isEmpty();
        batch.commit();

        assertThat(find()).isEmpty();
        assertThat(members()).extracting(ContactView::id).containsExactly(other);
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void deletingAListTakesItOffItsContacts() {
        createList();
        create("Ada");
        projection.on(new ContactListDeletedEvent(listId, accountId), 1);

        assertThat(find().orElseThrow().listIds()).isEmpty();
        assertThat(members()).isEmpty();
    }

    @Test
    void anotherAccountNeverSeesTheContactOrTheList() {
        createList();
        create("Ada");

        assertThat(projection.handle(new FindContactQuery("acct_other", contactId))).isEmpty();
        assertThat(projection.handle(new FindContactListQuery("acct_other", listId))).isEmpty();
    }

    @Test
    void theResetClearsContactsListsMembershipsAndTombstones() {
        createList();
        create("Ada");
        String deleted = TestIds.next("contact");
        projection.on(new ContactCreatedEvent(deleted, accountId, details("Bo"), timezone(), false, List.of()), 0, T0);
        projection.on(new ContactDeletedEvent(deleted, accountId), 1);

        projection.reset();

        assertThat(find()).isEmpty();
        assertThat(projection.handle(new FindContactListQuery(accountId, listId))).isEmpty();
        assertThat(projection.handle(new ListContactsQuery(accountId, null, null, null, null, ALL)).data()).isEmpty();
        // the replay after a reset applies every event again, the deleted contact's creation too
        projection.on(new ContactCreatedEvent(deleted, accountId, details("Bo"), timezone(), false, List.of()), 0, T0);
        assertThat(projection.handle(new FindContactQuery(accountId, deleted))).isPresent();
    }

    private void createList() {
        projection.on(new ContactListCreatedEvent(listId, accountId, "Leads"), 0, T0);
    }

    private void create(String firstName) {
        projection.on(new ContactCreatedEvent(contactId, accountId, details(firstName), timezone(), false,
                List.of(listId)), 0, T0);
    }

    private ContactUpdatedEvent updated(String firstName, boolean doNotCall) {
        return new ContactUpdatedEvent(contactId, accountId, details(firstName), timezone(), doNotCall);
    }

    private Optional<ContactView> find() {
        return projection.handle(new FindContactQuery(accountId, contactId));
    }

    private List<ContactView> members() {
        return projection.handle(new ListContactsQuery(accountId, listId, null, null, null, ALL)).data();
    }

    private long count() {
        return projection.handle(new FindContactListQuery(accountId, listId)).orElseThrow().contactCount();
    }

    private static ContactDetails details(String firstName) {
        return new ContactDetails("+14155550100", "(415) 555-0100", firstName, "Lovelace", null, Map.of());
    }

    private static ResolvedTimezone timezone() {
        return new ResolvedTimezone("America/Los_Angeles", List.of("America/Los_Angeles"), ResolvedTimezone.EXPLICIT);
    }
}
