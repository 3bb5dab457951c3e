package io.outboundcalls.webhooks.outbox;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class EventIdsTest {

    @Test
    void theSameDomainEventAlwaysGetsTheSameId() {
        Instant at = Instant.parse("2026-11-27T10:00:00Z");
        String id = EventIds.derived("evt", "event-1/contact.updated", at);
        assertThat(EventIds.derived("evt", "event-1/contact.updated", at)).isEqualTo(id);
        assertThat(EventIds.derived("evt", "event-2/contact.updated", at)).isNotEqualTo(id);
        assertThat(EventIds.derived("evt", "event-1/call.completed", at)).isNotEqualTo(id);
        assertThat(id).matches("evt_[0-9A-HJKMNP-TV-Z]{26}");
    }

    @Test
    void idsSortByTheEventsTime() {
        String earlier = EventIds.derived("evt", "zzz", Instant.parse("2026-11-27T10:00:00Z"));
        String later = EventIds.derived("evt", "aaa", Instant.parse("2026-11-27T10:00:00.001Z"));
        assertThat(earlier).isLessThan(later);
    }
}
