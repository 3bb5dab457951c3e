package io.outboundcalls.webhooks.payload;

import io.outboundcalls.events.contact.ContactOptedOutEvent;
import io.outboundcalls.events.contact.ContactStatus;
import io.outboundcalls.events.contact.ContactStatusChangedEvent;
import io.outboundcalls.query.contact.ContactView;
import io.outboundcalls.query.contact.FindContactQuery;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * {@code contact.updated} renders the contact at least as new as its event: the contacts read model is
 * re-read until its version reaches the event's sequence, and a row still older after the freshness
 * timeout is shown with the event's change, never with the status the event replaced.
 */
class ContactWebhooksTest {

    private static final Instant CREATED = Instant.parse("2026-12-01T10:00:00Z");
    private static final Instant CHANGED = Instant.parse("2026-12-01T10:05:00Z");

    private final QueryGateway queries = mock(QueryGateway.class);

    @Test
    void rendersTheContactOnceItsRowHasAppliedTheEvent() {
        reads(Optional.of(contact("in_campaign", false, null, 1)), Optional.of(contact("in_campaign", false, null, 1)),
                Optional.of(contact("opted_out", true, "opted_out", 2)));

        ContactResponse data = (ContactResponse) render(Duration.ofSeconds(5), optedOut(2));

        assertThat(data.status()).isEqualTo("opted_out");
        assertThat(data.doNotCall()).isTrue();
        assertThat(data.doNotCallReason()).isEqualTo("opted_out");
    }

    @Test
    void aRowStillOlderAfterTheTimeoutIsShownWithTheEventsChange() {
        when(queries.query(any(FindContactQuery.class), any(ResponseType.class)))
                .thenAnswer(call -> CompletableFuture.completedFuture(Optional.of(contact("in_campaign", false, null, 1))));

        ContactResponse optedOut = (ContactResponse) render(Duration.ofMillis(50), optedOut(2));
        assertThat(optedOut.status()).isEqualTo("opted_out");
        assertThat(optedOut.doNotCall()).isTrue();
        assertThat(optedOut.doNotCallReason()).isEqualTo("opted_out");
        assertThat(optedOut.updatedAt()).isEqualTo(CHANGED);
        assertThat(optedOut.phoneNumber()).isEqualTo("+14155550100");

        ContactResponse completed = (ContactResponse) render(Duration.ofMillis(50), new GenericDomainEventMessage<>("Contact",
                "contact_1", 2, new ContactStatusChangedEvent("contact_1", "acct_1", ContactStatus.REACHED, "campaign_1", "call_1"), Map.of(),
                "event_2", CHANGED));
        assertThat(completed.status()).isEqualTo("reached");
        assertThat(completed.doNotCall()).isFalse();
        assertThat(completed.doNotCallReason()).isNull();
    }

    @Test
    void aContactDeletedMeanwhileIsWhatTheEventSays() {
        reads(Optional.empty());

        Object data = render(Duration.ofSeconds(5), optedOut(2));

        assertThat(data).isEqualTo(Map.of("id", "contact_1", "object", "contact", "status", "opted_out", "do_not_call", true));
    }

    private Object render(Duration timeout, GenericDomainEventMessage<?> event) {
        ContactWebhooks webhooks = new ContactWebhooks(queries, new WebhookData(CaughtUp.within(timeout)));
        return webhooks.map(event).orElseThrow().data().get();
    }

    @SafeVarargs
    private void reads(Optional<ContactView>... rows) {
        Deque<Optional<ContactView>> left = new ArrayDeque<>(List.of(rows));
        when(queries.query(any(FindContactQuery.class), any(ResponseType.class)))
                .thenAnswer(call -> CompletableFuture.completedFuture(left.size() > 1 ? left.pop() : left.peek()));
    }

    private static GenericDomainEventMessage<ContactOptedOutEvent> optedOut(long sequence) {
        return new GenericDomainEventMessage<>("Contact", "contact_1", sequence,
                new ContactOptedOutEvent("contact_1", "acct_1", "campaign_1", "call_1"), Map.of(), "event_" + sequence, CHANGED);
    }

    private static ContactView contact(String status, boolean doNotCall, String reason, long version) {
        return new ContactView("contact_1", "acct_1", "+14155550100", "(415) 555-0100", "Ada", "Lovelace", null, Map.of(),
                "America/Los_Angeles", List.of("America/Los_Angeles"), "phone_number", doNotCall, status, List.of("list_1"),
                reason, CREATED, version == 1 ? CREATED : CHANGED, version);
    }
}
