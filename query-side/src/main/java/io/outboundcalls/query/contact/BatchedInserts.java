package io.outboundcalls.query.contact;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * Inserts of new contacts and memberships, held for the processor's batch and written as one
 * statement per table just before it commits: an import of 100,000 contacts is 100,000 events,
 * and one round trip per event would make the read model lag far behind. Every other write
 * flushes first, so the order of events is kept.
 * <p>
 * The rows travel as one {@code text[]} per column and are read back with {@code unnest}: one
 * small statement that PostgreSQL plans once per batch, where a multi-row {@code VALUES} list is
 * thousands of parameters to parse and plan (a third less database time for the contacts).
 */
final class BatchedInserts {

    private static final String RESOURCE = BatchedInserts.class.getName();
    private static final String INSERT_CONTACTS = """
            insert into query.contacts (id, account_id, phone_number, raw_phone_number, first_name, last_name, email,
                metadata, timezone, timezone_candidates, timezone_source, do_not_call, status, created_at, updated_at, version,
                list_ids)
            select id, account_id, phone_number, raw_phone_number, first_name, last_name, email, metadata::jsonb, timezone,
                timezone_candidates::jsonb, timezone_source, do_not_call::boolean, 'new', at::timestamptz, at::timestamptz,
                version::bigint, list_ids::varchar[]
            from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                as r(id, account_id, phone_number, raw_phone_number, first_name, last_name, email, metadata, timezone,
                     timezone_candidates, timezone_source, do_not_call, at, version, list_ids)
            where not exists (select 1 from query.contact_tombstones t where t.id = r.id and t.version > r.version::bigint)
            on conflict (id) do nothing""";
    /** The columns of {@link #INSERT_CONTACTS}, in order. */
    private static final int CONTACT_COLUMNS = 15;
    /**
     * A new contact's memberships, and the lists' counts raised by those actually added (not those
     * already there). Only while the contact is as its creation left it (its version is the
     * creation's): a creation delivered again after the contact left a list, or was deleted, or
     * after the list was deleted, adds nothing.
     */
    private static final String INSERT_MEMBERS = """
            with added as (
                insert into query.contact_list_members (list_id, contact_id)
                select m.list_id, m.contact_id from unnest(?::text[], ?::text[], ?::text[]) as m(list_id, contact_id, version)
                join query.contacts c on c.id = m.contact_id and c.version = m.version::bigint
                where not exists (select 1 from query.contact_list_tombstones t where t.id = m.list_id)
                on conflict do nothing returning list_id)
            """ + ContactProjection.COUNT_CHANGE.formatted("added", "+");

    private final JdbcTemplate jdbc;

    BatchedInserts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Rows waiting for one statement: a list of values per column. */
    private static final class Rows {
        private final String sql;
        private final List<List<String>> columns = new ArrayList<>();

        Rows(String sql, int columns) {
            this.sql = sql;
            for (int i = 0; i < columns; i++) {
                this.columns.add(new ArrayList<>());
            }
        }

        void add(String... row) {
            for (int i = 0; i < row.length; i++) {
                columns.get(i).add(row[i]);
            }
        }

        void write(JdbcTemplate jdbc) {
            if (columns.get(0).isEmpty()) {
                return;
            }
            jdbc.update(connection -> {
                var statement = connection.prepareStatement(sql);
                for (int i = 0; i < columns.size(); i++) {
                    statement.setArray(i + 1, connection.createArrayOf("text", columns.get(i).toArray(String[]::new)));
                }
                return statement;
            });
            columns.forEach(List::clear);
        }
    }

    private static final class Pending {
        // a membership may follow its contact in the same batch: contacts are written first
        final Rows contacts = new Rows(INSERT_CONTACTS, CONTACT_COLUMNS);
        final Rows members = new Rows(INSERT_MEMBERS, 3);

        void write(JdbcTemplate jdbc) {
            contacts.write(jdbc);
            members.write(jdbc);
        }
    }

    /** One new contact, its values in the order of the insert's columns (see {@link #CONTACT_COLUMNS}). */
    void insertContact(String... row) {
        if (row.length != CONTACT_COLUMNS) {
            throw new IllegalArgumentException("A contact row has " + CONTACT_COLUMNS + " columns, not " + row.length);
        }
        Pending pending = pending();
        pending.contacts.add(row);
        writeUnlessBatched(pending);
    }

    /** A membership the contact was created with, by the creation's sequence number. */
    void insertMember(String listId, String contactId, long creation) {
        Pending pending = pending();
        pending.members.add(listId, contactId, Long.toString(creation));
        writeUnlessBatched(pending);
    }

    void flush() {
        if (CurrentUnitOfWork.isStarted()) {
            Pending pending = CurrentUnitOfWork.get().root().getResource(RESOURCE);
            if (pending != null) {
                pending.write(jdbc);
            }
        }
    }

    private void writeUnlessBatched(Pending pending) {
        if (!CurrentUnitOfWork.isStarted()) {
            pending.write(jdbc);
        }
    }

    private Pending pending() {
        if (!CurrentUnitOfWork.isStarted()) {
            return new Pending();
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(RESOURCE, key -> {
            Pending created = new Pending();
            root.onPrepareCommit(u -> created.write(jdbc));
            return created;
        });
    }
}
