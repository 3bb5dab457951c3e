package io.outboundcalls.query.common;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Keyset pagination over a read-model table: "newest first" is its key descending and every page is
 * an index range scan, however deep. The key is the primary key when it is a time-ordered id, or a
 * sequence column (the order the projection saw events in) that a cursor id is looked up to, in the
 * caller's account only, so another account's id never positions a page.
 */
public final class KeysetPager {

    /** The column pages are ordered by, and how a cursor id becomes a value of it ({@code cursorArgs} come before the id). */
    public record Key(String column, String cursorValue, List<Object> cursorArgs) {

        /** The primary key {@code id} is time-ordered: a cursor is compared as it is. */
        public static final Key ID = new Key("id", "?", List.of());

        /**
         * Ordered by {@code seq}; a cursor is an {@code id} of {@code table}, in {@code accountId}'s rows only
         * (another account's id has no sequence). The lookup names the primary key alone ({@link AccountRows}
         * says why), so the account is compared in the select list.
         */
        public static Key sequence(String table, String accountId) {
            return new Key("seq", "(select case when account_id = ? then seq end from " + table + " where id = ?)",
                    List.of(accountId));
        }
    }

    private KeysetPager() {
    }

    /**
     * @param select     "select … from table" without a where clause
     * @param conditions filters already decided by the caller (each with a ? per arg)
     */
    public static <T> Page<T> page(JdbcTemplate jdbc, String select, List<String> conditions, List<Object> args,
                                   PageRequest page, RowMapper<T> mapper) {
        return page(jdbc, select, conditions, args, page, mapper, Key.ID);
    }

    public static <T> Page<T> page(JdbcTemplate jdbc, String select, List<String> conditions, List<Object> args,
                                   PageRequest page, RowMapper<T> mapper, Key key) {
        List<String> where = new ArrayList<>(conditions);
        List<Object> params = new ArrayList<>(args);
        if (page.createdGte() != null) {
            where.add("created_at >= ?");
            params.add(Timestamp.from(page.createdGte()));
        }
        if (page.createdLt() != null) {
            where.add("created_at < ?");
            params.add(Timestamp.from(page.createdLt()));
        }
        boolean backwards = page.endingBefore() != null;
        String cursor = backwards ? page.endingBefore() : page.startingAfter();
        if (cursor != null) {
            // an unknown cursor makes the comparison null: an empty page, never the whole list
            where.add(key.column() + (backwards ? " > " : " < ") + key.cursorValue());
            params.addAll(key.cursorArgs());
            params.add(cursor);
        }
        String sql = select + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by " + key.column() + (backwards ? " asc" : " desc") + " limit " + (page.limit() + 1);
        List<T> rows = new ArrayList<>(jdbc.query(sql, mapper, params.toArray()));
        boolean hasMore = rows.size() > page.limit();
        if (hasMore) {
            rows.remove(rows.size() - 1);
        }
        if (backwards) {
            Collections.reverse(rows);
        }
        return new Page<>(rows, hasMore);
    }
}
