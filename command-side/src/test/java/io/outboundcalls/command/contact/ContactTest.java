package io.outboundcalls.command.contact;

import io.outboundcalls.command.common.CommandRejectedException;
import io.outboundcalls.command.common.ResourceNotFoundException;
import io.outboundcalls.command.contactimport.ContactImports;
import io.outboundcalls.command.contactlist.ContactLists;
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
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.CustomTypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.messageWithPayload;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class ContactTest {

    private static final String ID = "contact_01JDCONTACT000000000000000";
    private static final String ACCOUNT = "acct_1";
    private static final ContactDetails DETAILS = new ContactDetails("+14155552671", "(415) 555-2671", "Ada", null, null, Map.of());
    private static final ResolvedTimezone LA = new ResolvedTimezone("America/Los_Angeles", List.of("America/Los_Angeles"),
            ResolvedTimezone.PHONE_NUMBER);
    private static final ContactCreatedEvent CREATED = new ContactCreatedEvent(ID, ACCOUNT, DETAILS, LA, false, List.of());

    private final PhoneNumberClaims claims = mock(PhoneNumberClaims.class);
    private final ContactLists lists = mock(ContactLists.class);
    private final NumberSuppressions suppressions = mock(NumberSuppressions.class);
    private final ContactImports imports = mock(ContactImports.class);
    private AggregateTestFixture<Contact> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Contact.class);
        fixture.registerAnnotatedCommandHandler(new ContactCommandHandler(fixture.getRepository(), claims, lists, suppressions));
        fixture.registerAnnotatedCommandHandler(new ContactImportBatchHandler(fixture.getRepository(), claims, imports, suppressions));
    }

    @Test
    void createsAContactWithItsNumbersZoneAndListMemberships() {
        fixture.givenNoPriorActivity()
                .when(new CreateContactCommand(ID, ACCOUNT, DETAILS, null, false, Set.of("list_b", "list_a")))
                .expectEvents(new ContactCreatedEvent(ID, ACCOUNT, DETAILS, LA, false, List.of("list_a", "list_b")));
        verify(claims).claim(ACCOUNT, "+14155552671", ID);
    }

    @Test
    void listsJoinedAtCreationOrByTheOlderSeparateEventsAreLeftTheSameWay() {
        ContactChanges noLists = new ContactChanges(null, null, null, null, null, null, null, null, Set.of(),
                Set.of(ContactChanges.LIST_IDS));
        ContactRemovedFromListEvent removed = new ContactRemovedFromListEvent(ID, ACCOUNT, "list_a");
        fixture.given(new ContactCreatedEvent(ID, ACCOUNT, DETAILS, LA, false, List.of("list_a")))
                .when(new UpdateContactCommand(ID, ACCOUNT, noLists))
                .expectEvents(removed);
        // history written before memberships moved into ContactCreatedEvent: no listIds, then one event per list
        fixture.given(new ContactCreatedEvent(ID, ACCOUNT, DETAILS, LA, false, null), new ContactAddedToListEvent(ID, ACCOUNT, "list_a"))
                .when(new UpdateContactCommand(ID, ACCOUNT, noLists))
                .expectEvents(removed);
    }

    @Test
    void cannotCreateAContactWithATakenNumber() {
        doThrow(PhoneNumberClaims.taken("+14155552671")).when(claims).claim(anyString(), anyString(), anyString());
        fixture.givenNoPriorActivity()
                .when(new CreateContactCommand(ID, ACCOUNT, DETAILS, null, false, Set.of()))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("already has the phone number"))
                .expectNoEvents();
    }

    @Test
    void anExplicitZoneWinsOverTheNumbersZone() {
        fixture.givenNoPriorActivity()
                .when(new CreateContactCommand(ID, ACCOUNT, DETAILS, "Europe/Paris", false, Set.of()))
                .expectEvents(new ContactCreatedEvent(ID, ACCOUNT, DETAILS,
                        new ResolvedTimezone("Europe/Paris", List.of("Europe/Paris"), ResolvedTimezone.EXPLICIT), false, List.of()));
    }

    @Test
    void updateEmitsTheCompleteStateAndMovesTheNumberClaim() {
        ContactChanges changes = new ContactChanges("+12125550134", "212-555-0134", null, null, null, null, null, null, null,
                Set.of(ContactChanges.PHONE_NUMBER));
        ContactDetails moved = new ContactDetails("+12125550134", "212-555-0134", "Ada", null, null, Map.of());
        fixture.given(CREATED)
                .when(new UpdateContactCommand(ID, ACCOUNT, changes))
                .expectEvents(new ContactUpdatedEvent(ID, ACCOUNT, moved, new ResolvedTimezone("America/New_York",
                        List.of("America/New_York"), ResolvedTimezone.PHONE_NUMBER), false));
        verify(claims).release(ACCOUNT, "+14155552671", ID); // the old number, by its key
        verify(claims).claim(ACCOUNT, "+12125550134", ID);
    }

    @Test
    void anUpdateThatChangesNothingEmitsNothing() {
        ContactChanges same = new ContactChanges(null, null, "Ada", null, null, null, null, false, null,
                Set.of(ContactChanges.FIRST_NAME, ContactChanges.DO_NOT_CALL));
        fixture.given(CREATED)
                .when(new UpdateContactCommand(ID, ACCOUNT, same))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void replacingListIdsAddsAndRemovesMemberships() {
        ContactChanges changes = new ContactChanges(null, null, null, null, null, null, null, null, Set.of("list_b"),
                Set.of(ContactChanges.LIST_IDS));
        fixture.given(CREATED, new ContactAddedToListEvent(ID, ACCOUNT, "list_a"))
                .when(new UpdateContactCommand(ID, ACCOUNT, changes))
                .expectEvents(new ContactRemovedFromListEvent(ID, ACCOUNT, "list_a"),
                        new ContactAddedToListEvent(ID, ACCOUNT, "list_b"));
        verify(lists).requireOwned(ACCOUNT, Set.of("list_b"), "list_ids");
    }

    @Test
    void anotherAccountCannotTouchTheContact() {
        fixture.given(CREATED)
                .when(new DeleteContactCommand(ID, "acct_2"))
                .expectException(ResourceNotFoundException.class)
                .expectNoEvents();
        verify(claims, never()).release(any(), any(), any());
    }

    @Test
    void deleteReleasesTheNumber() {
        fixture.given(CREATED)
                .when(new DeleteContactCommand(ID, ACCOUNT))
                .expectEvents(new ContactDeletedEvent(ID, ACCOUNT))
                .expectMarkedDeleted();
        verify(claims).release(ACCOUNT, "+14155552671", ID);
    }

    @Test
    void statusChangeIsRecorded() {
        fixture.given(CREATED)
                .when(new ChangeContactStatusCommand(ID, ACCOUNT, ContactStatus.IN_CAMPAIGN, "camp_1", null))
                .expectEvents(new ContactStatusChangedEvent(ID, ACCOUNT, ContactStatus.IN_CAMPAIGN, "camp_1", null));
    }

    @Test
    void anUnchangedStatusEmitsNothing() {
        fixture.given(CREATED, new ContactStatusChangedEvent(ID, ACCOUNT, ContactStatus.REACHED, "camp_1", "call_1"))
                .when(new ChangeContactStatusCommand(ID, ACCOUNT, ContactStatus.REACHED, "camp_1", "call_2"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void statusChangeFromAnotherAccountIsNotFound() {
        fixture.given(CREATED)
                .when(new ChangeContactStatusCommand(ID, "acct_2", ContactStatus.REACHED, "camp_1", "call_1"))
                .expectException(ResourceNotFoundException.class);
    }

    @Test
    void optOutSetsDoNotCallAndStatus() {
        fixture.given(CREATED)
                .when(new OptOutContactCommand(ID, ACCOUNT, "camp_1", "call_1"))
                .expectEvents(new ContactOptedOutEvent(ID, ACCOUNT, "camp_1", "call_1"))
                .expectState(contact -> {
                    if (!contact.isOptedOut()) {
                        throw new AssertionError("contact should be opted out");
                    }
                });
    }

    @Test
    void aSecondOptOutEmitsNothing() {
        fixture.given(CREATED, new ContactOptedOutEvent(ID, ACCOUNT, "camp_1", "call_1"))
                .when(new OptOutContactCommand(ID, ACCOUNT, "camp_1", "call_2"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anOptedOutContactKeepsItsStatusWhateverLaterCallsSay() {
        fixture.given(CREATED, new ContactOptedOutEvent(ID, ACCOUNT, "camp_1", "call_1"))
                .when(new ChangeContactStatusCommand(ID, ACCOUNT, ContactStatus.REACHED, "camp_2", "call_9"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void optedOutStatusFromTheDialerIsAnOptOut() {
        fixture.given(CREATED)
                .when(new ChangeContactStatusCommand(ID, ACCOUNT, ContactStatus.OPTED_OUT, "camp_1", "call_1"))
                .expectEvents(new ContactOptedOutEvent(ID, ACCOUNT, "camp_1", "call_1"));
    }

    @Test
    void aNumberWithSeveralZonesKeepsEveryCandidate() {
        ResolvedTimezone resolved = ContactTimezones.resolve("+18005550199", null);
        org.assertj.core.api.Assertions.assertThat(resolved.timezone()).isNull();
        org.assertj.core.api.Assertions.assertThat(resolved.source()).isEqualTo(ResolvedTimezone.CAMPAIGN);
        org.assertj.core.api.Assertions.assertThat(resolved.candidates()).contains("America/New_York", "America/Los_Angeles");
    }

    @Test
    void aNumberThatOptedOutComesBackOptedOutWhenItsContactIsCreatedAgain() {
        when(suppressions.reasonFor(ACCOUNT, "+14155552671")).thenReturn(Optional.of(DoNotCallReason.OPTED_OUT));
        fixture.givenNoPriorActivity()
                .when(new CreateContactCommand(ID, ACCOUNT, DETAILS, null, false, Set.of()))
                .expectEvents(new ContactCreatedEvent(ID, ACCOUNT, DETAILS, LA, true, List.of(), DoNotCallReason.OPTED_OUT))
                .expectState(contact -> {
                    assert contact.isOptedOut();
                    assert contact.isDoNotCall();
                });
    }

    @Test
    void aNumberMarkedDoNotCallComesBackMarked() {
        when(suppressions.reasonFor(ACCOUNT, "+14155552671")).thenReturn(Optional.of(DoNotCallReason.MARKED));
        fixture.givenNoPriorActivity()
                .when(new CreateContactCommand(ID, ACCOUNT, DETAILS, null, false, Set.of()))
                .expectEvents(new ContactCreatedEvent(ID, ACCOUNT, DETAILS, LA, true, List.of(), DoNotCallReason.MARKED));
    }

    @Test
    void anOptOutSuppressesTheNumberForTheAccount() {
        fixture.given(CREATED)
                .when(new OptOutContactCommand(ID, ACCOUNT, "camp_1", "call_1"))
                .expectEvents(new ContactOptedOutEvent(ID, ACCOUNT, "camp_1", "call_1"));
        verify(suppressions).suppress(ACCOUNT, "+14155552671", DoNotCallReason.OPTED_OUT);
    }

    @Test
    void markingDoNotCallSuppressesTheNumberAndClearingItLiftsTheMark() {
        ContactChanges mark = new ContactChanges(null, null, null, null, null, null, null, true, null, Set.of("do_not_call"));
        fixture.given(CREATED)
                .when(new UpdateContactCommand(ID, ACCOUNT, mark))
                .expectEvents(new ContactUpdatedEvent(ID, ACCOUNT, DETAILS, LA, true, DoNotCallReason.MARKED));
        verify(suppressions).suppress(ACCOUNT, "+14155552671", DoNotCallReason.MARKED);

        ContactChanges clear = new ContactChanges(null, null, null, null, null, null, null, false, null, Set.of("do_not_call"));
        fixture.given(CREATED, new ContactUpdatedEvent(ID, ACCOUNT, DETAILS, LA, true))
                .when(new UpdateContactCommand(ID, ACCOUNT, clear))
                .expectEvents(new ContactUpdatedEvent(ID, ACCOUNT, DETAILS, LA, false));
        verify(suppressions).lift(ACCOUNT, "+14155552671");
    }

    /** The fixture holds the state of an aggregate created through its repository: a contact published around it has none. */
    @Test
    void anImportCreatesEachNewContactThroughTheAggregateWithItsCreationRules() {
        when(claims.owners(eq(ACCOUNT), any())).thenReturn(Map.of());
        when(claims.claimAll(eq(ACCOUNT), any())).thenReturn(true);
        when(suppressions.reasonsFor(eq(ACCOUNT), any())).thenReturn(Map.of("+14155552671", DoNotCallReason.MARKED));
        var batch = new ImportContactsBatchCommand("imp_1", ACCOUNT, "list_a", false, List.of(new ImportRow(2, DETAILS, null, LA)),
                List.of(), 0, 2, 1);
        fixture.givenNoPriorActivity()
                .when(batch)
                .expectEventsMatching(exactSequenceOf(messageWithPayload(new CustomTypeSafeMatcher<ContactCreatedEvent>(
                        "the contact, do-not-call for its suppressed number, in the import's list") {
                    @Override
                    protected boolean matchesSafely(ContactCreatedEvent e) {
                        return e.accountId().equals(ACCOUNT) && e.details().equals(DETAILS) && e.doNotCall()
                                && e.doNotCallReason() == DoNotCallReason.MARKED && e.listIds().equals(List.of("list_a"));
                    }
                }), andNoMore()))
                .expectState(contact -> {
                    assert contact.phoneNumber().equals("+14155552671");
                    assert contact.isDoNotCall() && contact.doNotCallReason() == DoNotCallReason.MARKED;
                });
        verify(imports).recordBatch("imp_1", 2, 1, 1, 0, 0, 0, List.of());
    }
}
