package io.outboundcalls.query.contact;

import io.outboundcalls.events.contact.ContactAddedToListEvent;
import io.outboundcalls.events.contact.ContactCreatedEvent;
import io.outboundcalls.events.contact.ContactDeletedEvent;
import io.outboundcalls.events.contact.ContactOptedOutEvent;
import io.outboundcalls.events.contact.ContactRemovedFromListEvent;
import io.outboundcalls.events.contact.ContactStatus;
import io.outboundcalls.events.contact.ContactStatusChangedEvent;
import io.outboundcalls.events.contact.ContactUpdatedEvent;
import io.outboundcalls.events.contact.ContactDetails;
import io.outboundcalls.events.contact.ResolvedTimezone;
import io.outboundcalls.events.contactlist.ContactListCreatedEvent;
import io.outboundcalls.events.contactlist.ContactListDeletedEvent;
import io.outboundcalls.platform.BatchedStatements;
import io.outboundcalls.platform.Json;
import io.outboundcalls.query.common.AccountRows;
import io.outboundcalls.query.common.KeysetPager;
import io.outboundcalls.query.common.Page;
import io.outboundcalls.query.common.ReadModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * Contacts, contact lists and list memberships. Rows remember the sequence number of the last
 * contact event applied ({@code version}), so a redelivered event never moves a row backwards;
 * memberships are set semantics (insert on conflict do nothing, delete), changed only by a
 * contact event newer than the row (joining and leaving lists move the contact's version too), so
 * a late "added" never undoes a "removed".
 * <p>
 * A deleted contact or list leaves a tombstone ({@code query.contact_tombstones},
 * {@code query.contact_list_tombstones}: the id and the deleting event's sequence). A creation or
 * a membership delivered again after the deletion (a redelivered batch, a partial replay) finds
 * it and writes nothing, where it would otherwise bring the contact or list back or count a
 * member of a deleted list. Tombstones rather than a deleted flag on the rows, so that no query
 * has to remember to filter; the reset clears them with the rest and a replay writes them again.
 */
@Component
@ReadModel
@ProcessingGroup(ContactProjection.PROCESSING_GROUP)
public class ContactProjection {

    public static final String PROCESSING_GROUP = "contacts";
    private static final String COLUMNS = """
            c.id, c.account_id, c.phone_number, c.raw_phone_number, c.first_name, c.last_name, c.email, c.metadata,
            c.timezone, c.timezone_candidates, c.timezone_source, c.do_not_call, c.status, c.list_ids,
            c.created_at, c.updated_at, c.do_not_call_reason, c.version""";
    private static final String SELECT = "select " + COLUMNS + " from query.contacts c";
    /**
     * A list's contacts driven by the membership index: the LATERAL (kept apart by OFFSET 0) makes
     * each page a range scan of the list's members plus one key lookup per contact, whatever other
     * lists hold (a merge join over all contacts was 50 times slower on a 100,000-contact list).
     */
    private static final String SELECT_IN_LIST = "select * from (select m.contact_id as id, c.* from query.contact_list_members m"
            + " cross join lateral (select " + COLUMNS.replace("c.id, ", "")
            + " from query.contacts c where c.id = m.contact_id offset 0) c where m.list_id = ?) x";
    private static final Function<String, Map<String, String>> METADATA = Json.reader(metadataType());
    private static final Function<String, String[]> ZONES = Json.reader(String[].class);
    /** By position, in the order of {@link #COLUMNS} (both selects return them so): a page maps 100 rows. */
    private static final RowMapper<ContactView> MAPPER = (rs, i) -> new ContactView(rs.getString(1),
            rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
            METADATA.apply(rs.getString(8)), rs.getString(9), Arrays.asList(ZONES.apply(rs.getString(10))),
            rs.getString(11), rs.getBoolean(12), rs.getString(13), strings(rs.getArray(14)),
            rs.getString(17), rs.getObject(15, OffsetDateTime.class).toInstant(), rs.getObject(16, OffsetDateTime.class).toInstant(),
            rs.getLong(18));
    /**
     * Ends a statement that first adds or removes memberships in a CTE returning their list ids
     * (named by the first argument): moves each list's {@code contact_count} by the rows actually
     * changed, so the count is always that of the list's members. The projection runs one segment,
     * so no two transactions move one list's count at once (with the two segments of older token
     * stores they can wait on each other; a deadlock between them fails one batch, which is then
     * retried like any failed batch, a handler failing again being parked in the dead-letter queue).
     */
    static final String COUNT_CHANGE = """
            update query.contact_lists l set contact_count = l.contact_count %2$s c.n
            from (select list_id, count(*) as n from %1$s group by list_id) c where l.id = c.list_id""";
    /**
     * New contacts, held for the processor's batch and written as one statement just before it commits
     * ({@link BatchedStatements}): an import of 100,000 contacts is 100,000 events, and one round trip per
     * event would make the read model lag far behind. Every other write flushes first, so the order of
     * events is kept. The statement inserts the contacts; then the memberships of those this statement actually inserted (a creation
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
            """ + COUNT_CHANGE.formatted("added", "+");
    private static final String SELECT_LIST = "select l.id, l.account_id, l.name, l.contact_count, l.created_at from query.contact_lists l";
    private static final RowMapper<ContactListView> LIST_MAPPER = (rs, i) -> new ContactListView(rs.getString(1),
            rs.getString(2), rs.getString(3), rs.getLong(4), rs.getTimestamp(5).toInstant());

    private final JdbcTemplate jdbc;
    private final BatchedStatements writes;

    ContactProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.writes = new BatchedStatements(jdbc, INSERT_CONTACTS);
    }

    @EventHandler
    void on(ContactCreatedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        ContactDetails d = event.details();
        ResolvedTimezone tz = event.timezone();
        writes.add(INSERT_CONTACTS, event.contactId(), event.accountId(), d.phoneNumber(), d.rawPhoneNumber(), d.firstName(),
                d.lastName(), d.email(), Json.write(d.metadata() == null ? Map.of() : d.metadata()), tz.timezone(),
                Json.write(tz.candidates()), tz.source(), Boolean.toString(event.doNotCall()), at.toString(),
                Long.toString(sequence), arrayLiteral(event.listIds()));
        if (event.doNotCallReason() != null) {
            // rare (a do-not-call contact, or a suppressed number created again): the batch is written first
            writes.flush();
            jdbc.update("""
                    update query.contacts set do_not_call_reason = ?,
                        status = case when ? = 'opted_out' then 'opted_out' else status end where id = ? and version = ?""",
                    event.doNotCallReason().apiName(), event.doNotCallReason().apiName(), event.contactId(), sequence);
        }
    }

    @EventHandler
    void on(ContactUpdatedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        writes.flush();
        ContactDetails d = event.details();
        ResolvedTimezone tz = event.timezone();
        jdbc.update("""
                update query.contacts set phone_number = ?, raw_phone_number = ?, first_name = ?, last_name = ?, email = ?,
                    metadata = ?::jsonb, timezone = ?, timezone_candidates = ?::jsonb, timezone_source = ?, do_not_call = ?,
                    do_not_call_reason = case when not ?::boolean then null when status = 'opted_out' then 'opted_out' else ? end,
                    updated_at = ?, version = ? where id = ? and version < ?""",
                d.phoneNumber(), d.rawPhoneNumber(), d.firstName(), d.lastName(), d.email(),
                Json.write(d.metadata() == null ? Map.of() : d.metadata()), tz.timezone(), Json.write(tz.candidates()),
                tz.source(), event.doNotCall(), event.doNotCall(),
                event.doNotCallReason() == null ? null : event.doNotCallReason().apiName(),
                java.sql.Timestamp.from(at), sequence, event.contactId(), sequence);
    }

    @EventHandler
    void on(ContactStatusChangedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        writes.flush();
        jdbc.update("update query.contacts set status = ?, updated_at = ?, version = ? where id = ? and version < ?",
                status(event.status()), java.sql.Timestamp.from(at), sequence, event.contactId(), sequence);
    }

    @EventHandler
    void on(ContactOptedOutEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        writes.flush();
        jdbc.update("""
                update query.contacts set status = 'opted_out', do_not_call = true, do_not_call_reason = 'opted_out', updated_at = ?, version = ?
                where id = ? and version < ?""", java.sql.Timestamp.from(at), sequence, event.contactId(), sequence);
    }

    @EventHandler
    void on(ContactAddedToListEvent event, @SequenceNumber long sequence) {
        writes.flush();
        jdbc.update("""
                with list_gone as (select exists (select 1 from query.contact_list_tombstones where id = ?) as gone),
                contact as (
                    update query.contacts set version = ?, list_ids = case when (select gone from list_gone) then list_ids
                        else array(select distinct l from unnest(list_ids || ?::varchar) l order by l) end
                    where id = ? and version < ? returning id),
                added as (
                    insert into query.contact_list_members (list_id, contact_id)
                    select ?, id from contact where not (select gone from list_gone)
                    on conflict do nothing returning list_id)
                """ + COUNT_CHANGE.formatted("added", "+"),
                event.listId(), sequence, event.listId(), event.contactId(), sequence, event.listId());
    }

    @EventHandler
    void on(ContactRemovedFromListEvent event, @SequenceNumber long sequence) {
        writes.flush();
        jdbc.update("""
                with contact as (
                    update query.contacts set version = ?, list_ids = array_remove(list_ids, ?::varchar)
                    where id = ? and version < ? returning id),
                removed as (
                    delete from query.contact_list_members m using contact
                    where m.list_id = ? and m.contact_id = contact.id returning m.list_id)
                """ + COUNT_CHANGE.formatted("removed", "-"),
                sequence, event.listId(), event.contactId(), sequence, event.listId());
    }

    @EventHandler
    void on(ContactDeletedEvent event, @SequenceNumber long sequence) {
        writes.flush();
        jdbc.update("""
                with removed as (
                    delete from query.contact_list_members
                    where list_id = any(coalesce((select list_ids from query.contacts where id = ?), '{}')) and contact_id = ?
                    returning list_id)
                """ + COUNT_CHANGE.formatted("removed", "-"), event.contactId(), event.contactId());
        jdbc.update("delete from query.contacts where id = ?", event.contactId());
        jdbc.update("insert into query.contact_tombstones (id, version) values (?, ?) on conflict (id) do nothing",
                event.contactId(), sequence);
    }

    @EventHandler
    void on(ContactListCreatedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        writes.flush();
        jdbc.update("""
                insert into query.contact_lists (id, account_id, name, created_at) select ?, ?, ?, ?
                where not exists (select 1 from query.contact_list_tombstones t where t.id = ? and t.version > ?)
                on conflict (id) do nothing""",
                event.listId(), event.accountId(), event.name(), java.sql.Timestamp.from(at), event.listId(), sequence);
    }

    @EventHandler
    void on(ContactListDeletedEvent event, @SequenceNumber long sequence) {
        writes.flush();
        jdbc.update("delete from query.contact_lists where id = ?", event.listId());
        jdbc.update("insert into query.contact_list_tombstones (id, version) values (?, ?) on conflict (id) do nothing",
                event.listId(), sequence);
        jdbc.update("""
                update query.contacts set list_ids = array_remove(list_ids, ?::varchar)
                where id in (select contact_id from query.contact_list_members where list_id = ?)""", event.listId(), event.listId());
        jdbc.update("delete from query.contact_list_members where list_id = ?", event.listId());
    }

    @ResetHandler
    void reset() {
        writes.flush();
        jdbc.update("""
                truncate query.contacts, query.contact_lists, query.contact_list_members, query.contact_tombstones,
                    query.contact_list_tombstones""");
    }

    @QueryHandler
    Optional<ContactView> handle(FindContactQuery query) {
        return AccountRows.find(jdbc, SELECT + " where c.id = ?", MAPPER, query.contactId(), query.accountId(),
                ContactView::accountId);
    }

    @QueryHandler
    Page<ContactView> handle(ListContactsQuery query) {
        List<String> conditions = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        String select = SELECT;
        if (query.listId() != null) {
            select = SELECT_IN_LIST;
            args.add(query.listId());
        }
        conditions.add("account_id = ?");
        args.add(query.accountId());
        if (query.status() != null) {
            conditions.add("status = ?");
            args.add(query.status());
        }
        if (query.phoneNumber() != null) {
            conditions.add("phone_number = ?");
            args.add(query.phoneNumber());
        }
        if (query.doNotCall() != null) {
            conditions.add("do_not_call = ?");
            args.add(query.doNotCall());
        }
        return KeysetPager.page(jdbc, select, conditions, args, query.page(), MAPPER);
    }

    @QueryHandler
    Optional<ContactListView> handle(FindContactListQuery query) {
        return AccountRows.find(jdbc, SELECT_LIST + " where l.id = ?", LIST_MAPPER, query.listId(), query.accountId(),
                ContactListView::accountId);
    }

    @QueryHandler
    Page<ContactListView> handle(ListContactListsQuery query) {
        return KeysetPager.page(jdbc, SELECT_LIST, List.of("account_id = ?"), List.of(query.accountId()), query.page(),
                LIST_MAPPER);
    }

    private static String status(ContactStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Class<Map<String, String>> metadataType() {
        return (Class) Map.class;
    }

    /** A PostgreSQL array literal of these strings, each quoted. */
    private static String arrayLiteral(List<String> values) {
        StringJoiner literal = new StringJoiner(",", "{", "}");
        for (String value : values) {
            literal.add('"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"');
        }
        return literal.toString();
    }

    private static List<String> strings(Array array) throws java.sql.SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
