package io.outboundcalls.query.contact;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * Inserts of new contacts and memberships, held for the processor's batch and written as two
 * JDBC batches just before it commits: an import of 100,000 contacts is 200,000 events, and one
 * round trip per event would make the read model lag far behind. Every other write flushes first,
 * so the order of events is kept.
 */
final class BatchedInserts {

    private static final String RESOURCE = BatchedInserts.class.getName();
    private static final String INSERT_CONTACT = """
            insert into query.contacts (id, account_id, phone_number, raw_phone_number, first_name, last_name, email,
                metadata, timezone, timezone_candidates, timezone_source, do_not_call, status, created_at, updated_at, version,
                list_ids)
            values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?::jsonb, ?, ?, 'new', ?, ?, ?, ?) on conflict (id) do nothing""";
    private static final String INSERT_MEMBER =
            "insert into query.contact_list_members (list_id, contact_id) values (?, ?) on conflict do nothing";

    private final JdbcTemplate jdbc;

    BatchedInserts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static final class Pending {
        final List<Object[]> contacts = new ArrayList<>();
        final List<Object[]> members = new ArrayList<>();
    }

    void insertContact(Object[] row) {
        Pending pending = pending();
        if (pending == null) {
            jdbc.update(INSERT_CONTACT, row);
        } else {
            pending.contacts.add(row);
        }
    }

    void insertMember(Object[] row) {
        Pending pending = pending();
        if (pending == null) {
            jdbc.update(INSERT_MEMBER, row);
        } else {
            // a membership may follow its contact in the same batch: keep contacts first
            pending.members.add(row);
        }
    }

    void flush() {
        if (CurrentUnitOfWork.isStarted()) {
            Pending pending = CurrentUnitOfWork.get().root().getResource(RESOURCE);
            if (pending != null) {
                write(pending);
            }
        }
    }

    private Pending pending() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(RESOURCE, key -> {
            Pending created = new Pending();
            root.onPrepareCommit(u -> write(created));
            return created;
        });
    }

    private void write(Pending pending) {
        if (!pending.contacts.isEmpty()) {
            jdbc.batchUpdate(INSERT_CONTACT, pending.contacts);
            pending.contacts.clear();
        }
        if (!pending.members.isEmpty()) {
            jdbc.batchUpdate(INSERT_MEMBER, pending.members);
            pending.members.clear();
        }
    }
}
