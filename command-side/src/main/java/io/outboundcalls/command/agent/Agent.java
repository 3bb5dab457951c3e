package io.outboundcalls.command.agent;

import io.outboundcalls.command.common.OwnedBy;
import io.outboundcalls.events.agent.AgentCreatedEvent;
import io.outboundcalls.events.agent.AgentDeletedEvent;
import io.outboundcalls.events.agent.AgentSettings;
import io.outboundcalls.events.agent.AgentUpdatedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

/** An AI voice agent: the prompt, voice and behaviour a campaign's calls use. */
@Aggregate
class Agent {

    static final String RESOURCE = "agent";

    @AggregateIdentifier
    private String agentId;
    private String accountId;
    private AgentSettings settings;

    protected Agent() {
    }

    @CommandHandler
    Agent(CreateAgentCommand command) {
        apply(new AgentCreatedEvent(command.agentId(), command.accountId(), command.settings()));
    }

    @CommandHandler
    void handle(UpdateAgentCommand command) {
        OwnedBy.check(accountId, command.accountId(), RESOURCE, agentId);
        AgentSettings updated = AgentSettingsPatch.apply(settings, command.changes(), command.fields());
        if (updated.equals(settings)) {
            return; // nothing changed: no event, so replaying history shows only real changes
        }
        apply(new AgentUpdatedEvent(agentId, accountId, updated));
    }

    /** Called by {@link AgentDeletion}, which first checks that no active campaign uses the agent. */
    void delete() {
        apply(new AgentDeletedEvent(agentId, accountId));
    }

    void checkOwner(String requestingAccountId) {
        OwnedBy.check(accountId, requestingAccountId, RESOURCE, agentId);
    }

    @EventSourcingHandler
    void on(AgentCreatedEvent event) {
        agentId = event.agentId();
        accountId = event.accountId();
        settings = event.settings();
    }

    @EventSourcingHandler
    void on(AgentUpdatedEvent event) {
        settings = event.settings();
    }

    @EventSourcingHandler
    void on(AgentDeletedEvent event) {
        markDeleted();
    }
}
