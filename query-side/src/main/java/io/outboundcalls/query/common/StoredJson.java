package io.outboundcalls.query.common;

import io.outboundcalls.platform.BatchState;
import io.outboundcalls.platform.BatchedStatements;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Each row's API JSON, rendered once when the projection writes the row and kept in the table's
 * {@code api_json} column, so that listing a page reads one text column per row and writes it out as
 * it is, instead of decoding every column, parsing the stored JSON inside and serializing the object
 * again (about half of the CPU a listed page cost).
 * <p>
 * A handler's write returns the row as it now is ({@code returning}), mapped by the same mapper the
 * queries use. The newest row of each id written in a unit of work (a processor's batch) is rendered
 * just before the batch commits and stored for the row still at that version: a call that rang,
 * was answered and ended within one batch is rendered once, not three times. So the stored bytes
 * are those a read of the row would render. A row written before the column existed has none: a
 * page renders those from their columns (a rebuild stores them all). Outside a unit of work a
 * write's JSON is stored at once.
 *
 * @param <V> the view a row maps to
 */
public final class StoredJson<V> {

    /** The columns a page reads: the stored JSON, and the id to render a row without it. */
    public static final String COLUMNS = "api_json, id";

    private final JdbcTemplate jdbc;
    private final ApiJson<V> json;
    private final String table;
    private final String selectById;
    private final RowMapper<V> mapper;
    private final Function<V, String> id;
    private final ToLongFunction<V> version;
    private final BatchedStatements writes;
    private final String write;
    private final String resourceKey;

    /**
     * @param table      the read model's table, with {@code id}, {@code version} and {@code api_json}
     * @param select     the projection's "select … from table" whose rows {@code mapper} maps
     */
    public StoredJson(JdbcTemplate jdbc, ApiJson<V> json, String table, String select, RowMapper<V> mapper,
                      Function<V, String> id, ToLongFunction<V> version) {
        this.jdbc = jdbc;
        this.json = json;
        this.table = table;
        this.selectById = select + " where id = any(?::varchar[])";
        this.mapper = mapper;
        this.id = id;
        this.version = version;
        // by primary key, one row per execution (BatchedStatements says why not a join with unnest)
        this.write = "update " + table + " set api_json = ? where id = ? and version = ?";
        this.writes = new BatchedStatements(jdbc, write);
        this.resourceKey = BatchState.key(this);
    }

    /**
     * Runs a write that returns the row it changed (none when a guard refused it) and stores that
     * row's JSON at its version.
     *
     * @return the rows the write changed, as they now are
     */
    public List<V> write(String sql, Object... args) {
        List<V> written = jdbc.query(sql, mapper, args);
        if (!CurrentUnitOfWork.isStarted()) {
            written.forEach(this::store);
            return written;
        }
        Map<String, V> newest = newestOfThisBatch();
        for (V view : written) {
            newest.merge(id.apply(view), view, (old, now) -> version.applyAsLong(now) >= version.applyAsLong(old) ? now : old);
        }
        return written;
    }

    private Map<String, V> newestOfThisBatch() {
        return BatchState.ofCurrentUnitOfWork(resourceKey, LinkedHashMap::new, newest -> {
            newest.values().forEach(this::store);
            newest.clear();
            writes.flush();
        });
    }

    private void store(V view) {
        writes.add(write, json.render(view), id.apply(view), version.applyAsLong(view));
    }

    /** What a page reads: {@link #COLUMNS} of {@code table}. */
    public String select() {
        return "select " + COLUMNS + " from " + table;
    }

    /** Maps {@link #select()}'s rows; {@link #complete} renders those stored without JSON. */
    public RowMapper<Row> rows() {
        return (ResultSet rs, int i) -> new Row(rs.getString(2), rs.getString(1));
    }

    /** The page's JSON objects, in its order; rows without stored JSON rendered from their columns. */
    public Page<String> complete(Page<Row> page) {
        List<String> missing = page.data().stream().filter(r -> r.json() == null).map(Row::id).toList();
        Map<String, String> rendered = new HashMap<>();
        if (!missing.isEmpty()) {
            for (V view : jdbc.query(selectById, mapper, (Object) missing.toArray(String[]::new))) {
                rendered.put(id.apply(view), json.render(view));
            }
        }
        List<String> data = new ArrayList<>(page.data().size());
        for (Row row : page.data()) {
            String text = row.json() != null ? row.json() : rendered.get(row.id());
            if (text != null) {
                data.add(text);
            }
        }
        return new Page<>(data, page.hasMore());
    }

    /** A row of a page: its id and its stored JSON, null when it has none yet. */
    public record Row(String id, String json) {
    }
}
