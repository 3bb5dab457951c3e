package io.outboundcalls.command.common;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes queued by event handlers and sent as one JDBC batch per statement when the unit of work
 * that delivered the events prepares to commit (inside its transaction). An import publishes
 * 2,000 events per batch; one round trip each was most of the database's work. The statements
 * are flushed in the order given at construction; a handler that writes anything else calls
 * {@link #flush()} first, so the order of events is kept. Outside a unit of work a write runs at once.
 */
public final class BatchedStatements {

    private final JdbcTemplate jdbc;
    private final List<String> statements;
    private final String resourceKey;

    public BatchedStatements(JdbcTemplate jdbc, String... statementsInFlushOrder) {
        this.jdbc = jdbc;
        this.statements = List.of(statementsInFlushOrder);
        this.resourceKey = BatchedStatements.class.getName() + "@" + System.identityHashCode(this);
    }

    /** Queues one execution of {@code statement}, which must be one of those given at construction. */
    public void add(String statement, Object... args) {
        if (!statements.contains(statement)) {
            throw new IllegalArgumentException("Not a batched statement: " + statement);
        }
        if (!CurrentUnitOfWork.isStarted()) {
            jdbc.update(statement, args);
            return;
        }
        pending().get(statement).add(args);
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

    private Map<String, List<Object[]>> pending() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        return unitOfWork.getOrComputeResource(resourceKey, key -> {
            Map<String, List<Object[]>> created = new LinkedHashMap<>();
            statements.forEach(s -> created.put(s, new ArrayList<>()));
            unitOfWork.onPrepareCommit(u -> write(created));
            return created;
        });
    }

    private void write(Map<String, List<Object[]>> pending) {
        pending.forEach((statement, rows) -> {
            if (!rows.isEmpty()) {
                jdbc.batchUpdate(statement, rows);
                rows.clear();
            }
        });
    }
}
