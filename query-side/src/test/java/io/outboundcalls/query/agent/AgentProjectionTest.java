package io.outboundcalls.query.agent;

import io.outboundcalls.events.agent.AgentCreatedEvent;
import io.outboundcalls.events.agent.AgentDeletedEvent;
import io.outboundcalls.events.agent.AgentSettings;
import io.outboundcalls.events.agent.AgentUpdatedEvent;
import io.outboundcalls.query.support.ReadModelDatabase;
import io.outboundcalls.query.common.PageRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The agents read model as a plain object: redelivered and late events never move a row backwards. */
class AgentProjectionTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    private final AgentProjection projection = new AgentProjection(ReadModelDatabase.jdbc(), AgentView::toString);
    private final String accountId = "acct_" + UUID.randomUUID().toString().replace("-", "").substring(0, 26);
    private final String agentId = "agent_" + UUID.randomUUID().toString().replace("-", "").substring(0, 26);

    @Test
    void aRedeliveredCreateKeepsTheFirstRow() {
        projection.on(new AgentCreatedEvent(agentId, accountId, settings("Ava")), 0, T0);
        projection.on(new AgentCreatedEvent(agentId, accountId, settings("Other")), 0, T0.plusSeconds(5));

        AgentView agent = find();
        assertThat(agent.settings().name()).isEqualTo("Ava");
        assertThat(agent.createdAt()).isEqualTo(T0);
    }

    @Test
    void aRedeliveredUpdateChangesNothingMore() {
        projection.on(new AgentCreatedEvent(agentId, accountId, settings("Ava")), 0, T0);
        projection.on(new AgentUpdatedEvent(agentId, accountId, settings("Bea")), 1, T0.plusSeconds(10));
        projection.on(new AgentUpdatedEvent(agentId, accountId, settings("Bea")), 1, T0.plusSeconds(20));

        AgentView agent = find();
        assertThat(agent.settings().name()).isEqualTo("Bea");
        assertThat(agent.updatedAt()).isEqualTo(T0.plusSeconds(10));
    }

    @Test
    void anUpdateOlderThanTheOneAppliedIsIgnored() {
        projection.on(new AgentCreatedEvent(agentId, accountId, settings("Ava")), 0, T0);
        projection.on(new AgentUpdatedEvent(agentId, accountId, settings("Third")), 2, T0.plusSeconds(20));
        projection.on(new AgentUpdatedEvent(agentId, accountId, settings("Second")), 1, T0.plusSeconds(10));

        assertThat(find().settings().name()).isEqualTo("Third");
    }

    @Test
    void aDeleteRemovesTheRowAndIsIdempotent() {
        projection.on(new AgentCreatedEvent(agentId, accountId, settings("Ava")), 0, T0);
        projection.on(new AgentDeletedEvent(agentId, accountId), 1);
        projection.on(new AgentDeletedEvent(agentId, accountId), 1);

        assertThat(projection.handle(new FindAgentQuery(accountId, agentId))).isEmpty();
    }

    @Test
    void aCreateRedeliveredAfterTheDeleteDoesNotBringTheAgentBack() {
        projection.on(new AgentCreatedEvent(agentId, accountId, settings("Ava")), 0, T0);
        projection.on(new AgentDeletedEvent(agentId, accountId), 1);
        projection.on(new AgentCreatedEvent(agentId, accountId, settings("Ava")), 0, T0);

        assertThat(projection.handle(new FindAgentQuery(accountId, agentId))).isEmpty();
        assertThat(list()).isEmpty();
    }

    @Test
    void aRedeliveredCreateIsListedOnce() {
        projection.on(new AgentCreatedEvent(agentId, accountId, settings("Ava")), 0, T0);
        projection.on(new AgentCreatedEvent(agentId, accountId, settings("Ava")), 0, T0);

        assertThat(list()).containsExactly(find().toString());
    }

    @Test
    void theResetClearsAgentsAndTheirTombstones() {
        projection.on(new AgentCreatedEvent(agentId, accountId, settings("Ava")), 0, T0);
        projection.on(new AgentDeletedEvent(agentId, accountId), 1);
        String kept = agentId + "k";
        projection.on(new AgentCreatedEvent(kept, accountId, settings("Kim")), 0, T0);

        projection.reset();

        assertThat(list()).isEmpty();
        // a replay after the reset applies the events again, from the creation on
        projection.on(new AgentCreatedEvent(agentId, accountId, settings("Ava")), 0, T0);
        assertThat(find().settings().name()).isEqualTo("Ava");
    }

    @Test
    void anotherAccountNeverSeesTheAgent() {
        projection.on(new AgentCreatedEvent(agentId, accountId, settings("Ava")), 0, T0);

        assertThat(projection.handle(new FindAgentQuery("acct_other", agentId))).isEmpty();
    }

    /** The renderer of this test writes the whole view ({@code toString}), so a stale field shows. */
    @Test
    void everyWriteStoresTheJsonOfTheRowAsItIsThenRead() {
        projection.on(new AgentCreatedEvent(agentId, accountId, settings("Ava")), 0, T0);
        assertThat(list()).containsExactly(find().toString());

        projection.on(new AgentUpdatedEvent(agentId, accountId, settings("Bea")), 1, T0.plusSeconds(10));
        projection.on(new AgentUpdatedEvent(agentId, accountId, settings("Old")), 1, T0.plusSeconds(20));

        assertThat(list()).containsExactly(find().toString());
        assertThat(list().get(0)).contains("name=Bea").contains("version=1");
    }

    @Test
    void aRowStoredWithoutJsonIsRenderedWhenListed() {
        projection.on(new AgentCreatedEvent(agentId, accountId, settings("Ava")), 0, T0);
        ReadModelDatabase.jdbc().update("update query.agents set api_json = null where id = ?", agentId);

        assertThat(list()).containsExactly(find().toString());
    }

    private List<String> list() {
        return projection.handle(new ListAgentsQuery(accountId, new PageRequest(100, null, null, null, null))).data();
    }

    private AgentView find() {
        return projection.handle(new FindAgentQuery(accountId, agentId)).orElseThrow();
    }

    private static AgentSettings settings(String name) {
        return new AgentSettings(name, "Be brief.", null, null, "en-US", 600, null, null, null, Map.of());
    }
}
