package io.outboundcalls.platform;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes queued by event handlers and sent as one statement each when the unit of work that
 * delivered the events prepares to commit (inside its transaction). An import publishes 2,000
 * events per batch; one round trip each was most of the database's work.
 * <p>
 * Each statement takes one {@code text[]} parameter per column and reads its rows with
 * {@code unnest}, casting where the column is not text:
 * {@code insert into t (a, b) select a, b::boolean from unnest(?::text[], ?::text[]) as r(a, b)}.
 * A thousand rows are then one small statement that PostgreSQL plans once, where a multi-row
 * {@code VALUES} list is thousands of parameters to parse and plan (a 100,000-contact insert took a
 * third less time). Values are sent as their text ({@code toString()}; {@code null} stays null).
 * <p>
 * A statement without {@code ?::text[]} columns is a statement of one row with a {@code ?} per value
 * (sent as they are, not as text): its rows go as one JDBC batch, one execution each in one round trip.
 * That is for an update that must find its rows by primary key: joined with {@code unnest}, PostgreSQL
 * plans a hash join over the whole table while the table is empty, and keeps that plan cached on the
 * connection as the table grows (measured: 350 buffers per batch of the calls' stored JSON during a
 * dialer run), where {@code where id = ?} is always one index lookup.
 * <p>
 * The statements are flushed in the order given at construction; a handler that writes anything
 * else calls {@link #flush()} first, so the order of events is kept. Outside a unit of work a
 * write runs at once, as a statement of one row. A row has one value per {@code ?::text[]}.
 * <p>
 * The command side (the dialer's directory) and the query side (the contacts projection) both write
 * through it; it lives here, below both, because neither may depend on the other.
 */
public final class BatchedStatements {

    private static final String COLUMN = "?::text[]";

    private final JdbcTemplate jdbc;
    /** The statements in flush order, each with its number of columns. */
    private final Map<String, Integer> statements = new LinkedHashMap<>();
    private final String resourceKey;

    public BatchedStatements(JdbcTemplate jdbc, String... statementsInFlushOrder) {
        this.jdbc = jdbc;
        for (String statement : statementsInFlushOrder) {
            int columns = statement.split(Pattern.quote(COLUMN), -1).length - 1;
            statements.put(statement, columns > 0 ? columns : statement.split("\\?", -1).length - 1);
        }
        this.resourceKey = BatchState.key(this);
    }

    /** Queues one row for {@code statement}, which must be one of those given at construction. */
    public void add(String statement, Object... row) {
        Integer columns = statements.get(statement);
        if (columns == null) {
            throw new IllegalArgumentException("Not a batched statement: " + statement);
        }
        if (row.length != columns) {
            throw new IllegalArgumentException("A row of this statement has " + columns + " values, not " + row.length);
        }
        if (!CurrentUnitOfWork.isStarted()) {
            execute(jdbc, statement, List.<Object[]>of(row));
            return;
        }
        pending().get(statement).add(row);
    }

    /** Writes everything queued in the current unit of work now. */
    public void flush() {
        if (CurrentUnitOfWork.isStarted()) {
            Map<String, List<Object[]>> pending = CurrentUnitOfWork.get().getResource(resourceKey);
            if (pending != null) {
                write(pending);
            }
        }
    }

    /** Runs a statement of {@code text[]} parameters, one per column, with these rows (or one per row). */
    private static void execute(JdbcTemplate jdbc, String statement, List<Object[]> rows) {
        if (!statement.contains(COLUMN)) {
            jdbc.batchUpdate(statement, rows);
            return;
        }
        jdbc.update(connection -> {
            PreparedStatement ps = connection.prepareStatement(statement);
            int columns = rows.get(0).length;
            for (int column = 0; column < columns; column++) {
                String[] values = new String[rows.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = text(rows.get(i)[column]);
                }
                ps.setArray(column + 1, connection.createArrayOf("text", values));
            }
            return ps;
        });
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private Map<String, List<Object[]>> pending() {
        return BatchState.ofCurrentUnitOfWork(resourceKey, () -> {
            Map<String, List<Object[]>> created = new LinkedHashMap<>();
            statements.keySet().forEach(s -> created.put(s, new ArrayList<>()));
            return created;
        }, this::write);
    }

    private void write(Map<String, List<Object[]>> pending) {
        pending.forEach((statement, rows) -> {
            if (!rows.isEmpty()) {
                execute(jdbc, statement, rows);
                rows.clear();
            }
        });
    }
}
