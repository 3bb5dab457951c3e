package io.outboundcalls.platform;

import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;

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

    private static final String BY_KEY = "update t set json = ? where id = ? and version = ?";

    @Test
    void aStatementOfOneRowSendsTheQueuedRowsAsOneJdbcBatchWithTheirValuesAsTheyAre() {
        RecordingJdbc jdbc = new RecordingJdbc();
        BatchedStatements batch = new BatchedStatements(jdbc, BY_KEY);
        assertThatThrownBy(() -> batch.add(BY_KEY, "{}", "a")).hasMessage("A row of this statement has 3 values, not 2");

        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        batch.add(BY_KEY, "{\"a\":1}", "a", 3L);
        batch.add(BY_KEY, null, "b", 4L);
        assertThat(jdbc.batches).as("nothing is sent before the unit of work prepares to commit").isEmpty();
        unitOfWork.commit();

        assertThat(jdbc.batches).hasSize(1);
        assertThat(jdbc.batches.get(0)).containsExactly(new Object[]{"{\"a\":1}", "a", 3L}, new Object[]{null, "b", 4L});
    }

    /** Records the JDBC batches it is asked to run, without a database. */
    private static final class RecordingJdbc extends JdbcTemplate {
        final List<List<Object[]>> batches = new ArrayList<>();

        @Override
        public int[] batchUpdate(String sql, List<Object[]> batchArgs) {
            assertThat(sql).isEqualTo(BY_KEY);
            batches.add(List.copyOf(batchArgs));
            return new int[batchArgs.size()];
        }
    }
}
