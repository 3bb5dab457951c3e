package io.outboundcalls.command.common;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IdsTest {

    @Test
    void idsArePrefixedAndSortInCreationOrder() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(Ids.newId("agent"));
        }
        assertThat(ids).isSorted().doesNotHaveDuplicates();
        assertThat(ids).allMatch(id -> Ids.hasPrefix(id, "agent"));
        assertThat(Ids.hasPrefix(ids.get(0), "camp")).isFalse();
        assertThat(Ids.hasPrefix("agent_!!!", "agent")).isFalse();
    }

    @Test
    void derivedIdsAreStableAndDistinct() {
        assertThat(Ids.derivedId("call", "camp_1:contact_1:1")).isEqualTo(Ids.derivedId("call", "camp_1:contact_1:1"));
        assertThat(Ids.derivedId("call", "camp_1:contact_1:1")).isNotEqualTo(Ids.derivedId("call", "camp_1:contact_1:2"));
        assertThat(Ids.hasPrefix(Ids.derivedId("call", "x"), "call")).isTrue();
    }
}
