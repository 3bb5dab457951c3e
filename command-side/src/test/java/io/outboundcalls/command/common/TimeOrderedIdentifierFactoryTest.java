package io.outboundcalls.command.common;

import org.axonframework.common.IdentifierFactory;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class TimeOrderedIdentifierFactoryTest {

    @Test
    void axonUsesItForEveryMessage() {
        assertThat(IdentifierFactory.getInstance()).isInstanceOf(TimeOrderedIdentifierFactory.class);
        UUID id = UUID.fromString(GenericEventMessage.asEventMessage("payload").getIdentifier());
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(Math.abs((id.getMostSignificantBits() >>> 16) - System.currentTimeMillis())).isLessThan(60_000);
    }

    @Test
    void identifiersOfLaterMillisecondsSortAfterEarlierOnes() {
        List<String> ids = new ArrayList<>();
        for (long millis = 1_700_000_000_000L; millis < 1_700_000_001_000L; millis++) {
            ids.add(TimeOrderedIdentifierFactory.next(millis).toString());
        }
        assertThat(ids).isSorted().doesNotHaveDuplicates();
        assertThat(ids).allMatch(id -> id.length() == 36 && UUID.fromString(id).version() == 7);
    }

    @Test
    void identifiersAreUniqueAcrossThreads() {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        IdentifierFactory factory = new TimeOrderedIdentifierFactory();
        IntStream.range(0, 4).parallel().forEach(thread -> {
            for (int i = 0; i < 250_000; i++) {
                seen.add(factory.generateIdentifier());
            }
        });
        assertThat(seen).hasSize(1_000_000);
    }
}
