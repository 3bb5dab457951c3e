package io.outboundcalls.platform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchedStatementsTest {

    private static final String INSERT = "insert into t (a, b) select a, b::boolean from unnest(?::text[], ?::text[]) as r(a, b)";

    @Test
    void refusesARowWithoutOneValuePerColumnBeforeWritingAnything() {
        // no database: the row is refused before the writer gets that far
        BatchedStatements batch = new BatchedStatements(null, INSERT);
        assertThatThrownBy(() -> batch.add(INSERT, "a")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A row of this statement has 2 values, not 1");
        assertThatThrownBy(() -> batch.add(INSERT, "a", "true", "x")).hasMessageContaining("not 3");
        assertThatThrownBy(() -> batch.add("insert into other values (?::text[])", "a"))
                .hasMessageStartingWith("Not a batched statement");
    }
}
