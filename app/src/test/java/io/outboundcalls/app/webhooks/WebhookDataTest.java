package io.outboundcalls.app.webhooks;

import io.outboundcalls.app.support.ApiTest;
import io.outboundcalls.events.contact.ContactDeletedEvent;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookDataTest extends ApiTest {

    @Autowired
    WebhookData webhookData;

    private record Row(String id, long version) {
    }

    @Test
    void rereadsUntilTheRowIsAsNewAsTheEvent() {
        var event = new GenericDomainEventMessage<>("Call", "call_1", 3, new ContactDeletedEvent("call_1", "acct_1"));
        Deque<Optional<Row>> reads = new ArrayDeque<>(List.of(Optional.empty(), Optional.of(new Row("call_1", 1)),
                Optional.of(new Row("call_1", 3)), Optional.of(new Row("call_1", 4))));

        Optional<Row> row = webhookData.readAtLeastAsNewAs(event, reads::pop, Row::version);

        assertThat(row).contains(new Row("call_1", 3));
        assertThat(reads).hasSize(1);
    }

    @Test
    void readsOnceWhenTheRowIsNewerOrTheEventHasNoSequence() {
        var event = new GenericDomainEventMessage<>("Call", "call_1", 3, new ContactDeletedEvent("call_1", "acct_1"));
        Deque<Optional<Row>> reads = new ArrayDeque<>(List.of(Optional.of(new Row("call_1", 5)), Optional.empty()));
        assertThat(webhookData.readAtLeastAsNewAs(event, reads::pop, Row::version)).contains(new Row("call_1", 5));

        Deque<Optional<Row>> plain = new ArrayDeque<>(List.of(Optional.of(new Row("call_1", 0)), Optional.empty()));
        assertThat(webhookData.readAtLeastAsNewAs(GenericEventMessage.asEventMessage(new ContactDeletedEvent("call_1", "acct_1")),
                plain::pop, Row::version)).contains(new Row("call_1", 0));
    }
}
