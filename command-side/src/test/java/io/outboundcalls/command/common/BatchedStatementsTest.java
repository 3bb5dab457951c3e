package io.outboundcalls.command.common;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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

    @Test
    void theQuerySidesCopyIsTheSameCodeButForItsPackage() throws IOException {
        Path modules = Path.of("").toAbsolutePath().getParent();
        String here = Files.readString(modules.resolve(
                "command-side/src/main/java/io/outboundcalls/command/common/BatchedStatements.java"));
        String there = Files.readString(modules.resolve(
                "query-side/src/main/java/io/outboundcalls/query/common/BatchedStatements.java"));
        assertThat(there.replace("package io.outboundcalls.query.common;", "package io.outboundcalls.command.common;"))
                .as("query-side's BatchedStatements: change both copies alike").isEqualTo(here);
    }
}
