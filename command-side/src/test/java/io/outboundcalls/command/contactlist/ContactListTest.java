package io.outboundcalls.command.contactlist;

import io.outboundcalls.command.common.ResourceNotFoundException;
import io.outboundcalls.events.contactlist.ContactListCreatedEvent;
import io.outboundcalls.events.contactlist.ContactListDeletedEvent;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

class ContactListTest {

    private static final String LIST = "list_01JDCONTACTLIST0000000000";
    private final JdbcTemplate jdbc = mock(JdbcTemplate.class);
    private AggregateTestFixture<ContactList> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ContactList.class);
        fixture.registerAnnotatedCommandHandler(new ContactListCommandHandler(fixture.getRepository(), jdbc));
    }

    @Test
    void createsAListAndRegistersItForContactCommands() {
        fixture.givenNoPriorActivity()
                .when(new CreateContactListCommand(LIST, "acct_1", "Leads"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ContactListCreatedEvent(LIST, "acct_1", "Leads"));
        verify(jdbc).update(anyString(), any(Object[].class));
    }

    @Test
    void deletesAListAndUnregistersIt() {
        fixture.given(new ContactListCreatedEvent(LIST, "acct_1", "Leads"))
                .when(new DeleteContactListCommand(LIST, "acct_1"))
                .expectEvents(new ContactListDeletedEvent(LIST, "acct_1"))
                .expectMarkedDeleted();
    }

    @Test
    void anotherAccountCannotDeleteTheList() {
        fixture.given(new ContactListCreatedEvent(LIST, "acct_1", "Leads"))
                .when(new DeleteContactListCommand(LIST, "acct_2"))
                .expectException(ResourceNotFoundException.class)
                .expectNoEvents();
        verify(jdbc, never()).update(anyString(), any(Object[].class));
    }
}
