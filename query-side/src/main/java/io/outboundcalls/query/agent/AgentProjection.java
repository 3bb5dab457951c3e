package io.outboundcalls.query.agent;

import io.outboundcalls.events.agent.AgentCreatedEvent;
import io.outboundcalls.events.agent.AgentDeletedEvent;
import io.outboundcalls.events.agent.AgentSettings;
import io.outboundcalls.events.agent.AgentUpdatedEvent;
import io.outboundcalls.platform.Json;
import io.outboundcalls.query.common.AccountRows;
import io.outboundcalls.query.common.ApiJson;
import io.outboundcalls.query.common.KeysetPager;
import io.outboundcalls.query.common.Page;
import io.outboundcalls.query.common.ReadModel;
import io.outboundcalls.query.common.StoredJson;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The agents read model. Each row remembers the sequence number of the last event applied,
 * so a redelivered or replayed event never moves a row backwards.
 * <p>
 * A deletion removes the row and leaves a tombstone ({@code query.agent_tombstones}: the id and
 * the deleting event's sequence): a creation delivered again after it (a redelivered batch, a
 * partial replay) would otherwise insert the agent again. A tombstone rather than a deleted flag
 * on the row, so that no query has to remember to filter; the reset clears both tables and a
 * replay writes the same tombstones again.
 */
@Component
@ReadModel
@ProcessingGroup(AgentProjection.PROCESSING_GROUP)
public class AgentProjection {

    public static final String PROCESSING_GROUP = "agents";
    private static final String COLUMNS = "id, account_id, settings, created_at, updated_at, version";
    private static final String SELECT = "select " + COLUMNS + " from query.agents";
    /** Every write returns the row as it now is, whose JSON is then stored ({@link StoredJson}). */
    private static final String RETURNING = " returning " + COLUMNS;
    private static final RowMapper<AgentView> MAPPER = (rs, i) -> new AgentView(rs.getString(1), rs.getString(2),
            Json.read(rs.getString(3), AgentSettings.class), rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(),
            rs.getLong(6));

    private final JdbcTemplate jdbc;
    private final StoredJson<AgentView> stored;

    AgentProjection(JdbcTemplate jdbc, ApiJson<AgentView> json) {
        this.jdbc = jdbc;
        this.stored = new StoredJson<>(jdbc, json, "query.agents", SELECT, MAPPER, AgentView::id, AgentView::version);
    }

    @EventHandler
    void on(AgentCreatedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        stored.write("""
                insert into query.agents (id, account_id, settings, created_at, updated_at, version)
                select ?, ?, ?::jsonb, ?, ?, ?
                where not exists (select 1 from query.agent_tombstones t where t.id = ? and t.version > ?)
                on conflict (id) do nothing""" + RETURNING,
                event.agentId(), event.accountId(), Json.write(event.settings()),
                java.sql.Timestamp.from(at), java.sql.Timestamp.from(at), sequence, event.agentId(), sequence);
    }

    @EventHandler
    void on(AgentUpdatedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        stored.write("""
                update query.agents set settings = ?::jsonb, updated_at = ?, version = ?, api_json = null
                where id = ? and version < ?""" + RETURNING,
                Json.write(event.settings()), java.sql.Timestamp.from(at), sequence, event.agentId(), sequence);
    }

    @EventHandler
    void on(AgentDeletedEvent event, @SequenceNumber long sequence) {
        jdbc.update("delete from query.agents where id = ?", event.agentId());
        jdbc.update("insert into query.agent_tombstones (id, version) values (?, ?) on conflict (id) do nothing",
                event.agentId(), sequence);
    }

    @ResetHandler
    void reset() {
        jdbc.update("truncate query.agents, query.agent_tombstones");
    }

    @QueryHandler
    Optional<AgentView> handle(FindAgentQuery query) {
        return AccountRows.find(jdbc, SELECT + " where id = ?", MAPPER, query.agentId(), query.accountId(),
                AgentView::accountId);
    }

    /** A page of agents as the API's JSON objects, as stored ({@link StoredJson}). */
    @QueryHandler
    Page<String> handle(ListAgentsQuery query) {
        return stored.complete(KeysetPager.page(jdbc, stored.select(), List.of("account_id = ?"), List.of(query.accountId()),
                query.page(), stored.rows()));
    }
}
