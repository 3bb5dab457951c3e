package io.outboundcalls.query.contact;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * Inserts of new contacts, with the memberships they were created with, held for the processor's
 * batch and written as one statement just before it commits: an import of 100,000 contacts is
 * 100,000 events, and one round trip per event would make the read model lag far behind. Every
 * other write flushes first, so the order of events is kept.
 * <p>
 * The rows travel as one {@code text[]} per column and are read back with {@code unnest}: one
 * small statement that PostgreSQL plans once per batch, where a multi-row {@code VALUES} list is
 * thousands of parameters to parse and plan (a third less database time for the contacts).
 */
final class BatchedInserts {

    private static final String RESOURCE = BatchedInserts.class.getName();
    /**
     * New contacts; then the memberships of those this statement actually inserted (a creation
     * delivered again after the contact left a list, or was deleted, adds nothing), except in lists
     * deleted since (tombstoned); then the lists' counts, raised by the memberships added.
     */
    private static final String INSERT_CONTACTS = """
            with inserted as (
                insert into query.contacts (id, account_id, phone_number, raw_phone_number, first_name, last_name, email,
                    metadata, timezone, timezone_candidates, timezone_source, do_not_call, status, created_at, updated_at,
                    version, list_ids)
                select id, account_id, phone_number, raw_phone_number, first_name, last_name, email, metadata::jsonb, timezone,
                    timezone_candidates::jsonb, timezone_source, do_not_call::boolean, 'new', at::timestamptz, at::timestamptz,
                    version::bigint, list_ids::varchar[]
                from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                    ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                    as r(id, account_id, phone_number, raw_phone_number, first_name, last_name, email, metadata, timezone,
                         timezone_candidates, timezone_source, do_not_call, at, version, list_ids)
                where not exists (select 1 from query.contact_tombstones t where t.id = r.id and t.version > r.version::bigint)
                on conflict (id) do nothing
                returning id, list_ids),
            added as (
                insert into query.contact_list_members (list_id, contact_id)
                select l.list_id, i.id from inserted i cross join lateral unnest(i.list_ids) as l(list_id)
                where not exists (select 1 from query.contact_list_tombstones t where t.id = l.list_id)
                on conflict do nothing returning list_id)
            """ + ContactProjection.COUNT_CHANGE.formatted("added", "+");
    /** The columns of {@link #INSERT_CONTACTS}, in order. */
    private static final int CONTACT_COLUMNS = 15;

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

    /** One new contact, its values in the order of the insert's columns (see {@link #CONTACT_COLUMNS}). */
    void insertContact(String... row) {
        if (row.length != CONTACT_COLUMNS) {
            throw new IllegalArgumentException("A contact row has " + CONTACT_COLUMNS + " columns, not " + row.length);
        }
        Rows pending = pending();
        pending.add(row);
        writeUnlessBatched(pending);
    }

    void flush() {
        if (CurrentUnitOfWork.isStarted()) {
            Rows pending = CurrentUnitOfWork.get().root().getResource(RESOURCE);
            if (pending != null) {
                pending.write(jdbc);
            }
        }
    }

    private void writeUnlessBatched(Rows pending) {
        if (!CurrentUnitOfWork.isStarted()) {
            pending.write(jdbc);
        }
    }

    private Rows pending() {
        if (!CurrentUnitOfWork.isStarted()) {
            return new Rows(INSERT_CONTACTS, CONTACT_COLUMNS);
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(RESOURCE, key -> {
            Rows created = new Rows(INSERT_CONTACTS, CONTACT_COLUMNS);
            root.onPrepareCommit(u -> created.write(jdbc));
            return created;
        });
    }
}
