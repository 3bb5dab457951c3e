package io.outboundcalls.query.common;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Keyset pagination over a read-model table whose primary key is a time-ordered id, so
 * "newest first" is "id descending" and every page is an index range scan, however deep.
 */
public final class KeysetPager {

    private KeysetPager() {
    }

    /**
     * @param select     "select … from table" without a where clause
     * @param conditions filters already decided by the caller (each with a ? per arg)
     */
    public static <T> Page<T> page(JdbcTemplate jdbc, String select, List<String> conditions, List<Object> args,
                                   PageRequest page, RowMapper<T> mapper) {
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
        if (backwards) {
            where.add("id > ?");
            params.add(page.endingBefore());
        } else if (page.startingAfter() != null) {
            where.add("id < ?");
            params.add(page.startingAfter());
        }
        String sql = select + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by id " + (backwards ? "asc" : "desc") + " limit " + (page.limit() + 1);
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
