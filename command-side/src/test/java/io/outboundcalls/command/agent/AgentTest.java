package io.outboundcalls.command.agent;

import io.outboundcalls.command.common.CommandRejectedException;
import io.outboundcalls.command.common.ResourceNotFoundException;
import io.outboundcalls.events.agent.AgentCreatedEvent;
import io.outboundcalls.events.agent.AgentDeletedEvent;
import io.outboundcalls.events.agent.AgentSettings;
import io.outboundcalls.events.agent.AgentUpdatedEvent;
import io.outboundcalls.events.agent.AnalysisSettings;
import io.outboundcalls.events.agent.VoicemailSettings;
import org.axonframework.eventsourcing.AggregateDeletedException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

class AgentTest {

    private static final String AGENT = "agent_1";
    private static final String ACCOUNT = "acct_1";
    private static final AgentSettings SETTINGS = new AgentSettings("Sales", "Sell things", "Hello", "maya", "en-US",
            600, VoicemailSettings.DEFAULT, null, AnalysisSettings.DEFAULT, Map.of("team", "emea"));

    private AggregateTestFixture<Agent> fixture;
    private int activeCampaigns;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Agent.class);
        activeCampaigns = 0;
        fixture.registerAnnotatedCommandHandler(new AgentDeletion(fixture.getRepository(),
                (accountId, agentId) -> activeCampaigns));
    }

    @Test
    void createsAnAgent() {
        fixture.givenNoPriorActivity()
                .when(new CreateAgentCommand(AGENT, ACCOUNT, SETTINGS))
                .expectEvents(new AgentCreatedEvent(AGENT, ACCOUNT, SETTINGS));
    }

    @Test
    void updatesOnlyTheNamedFields() {
        AgentSettings changes = new AgentSettings("Sales EMEA", null, null, null, null, 0, null, null, null, null);
        fixture.given(new AgentCreatedEvent(AGENT, ACCOUNT, SETTINGS))
                .when(new UpdateAgentCommand(AGENT, ACCOUNT, changes, Set.of("name")))
                .expectEvents(new AgentUpdatedEvent(AGENT, ACCOUNT, new AgentSettings("Sales EMEA", "Sell things",
                        "Hello", "maya", "en-US", 600, VoicemailSettings.DEFAULT, null, AnalysisSettings.DEFAULT,
                        Map.of("team", "emea"))));
    }

    @Test
    void mergesMetadataKeyByKeyAndRemovesEmptyValues() {
        Map<String, String> patch = new LinkedHashMap<>();
        patch.put("team", "");
        patch.put("region", "west");
        AgentSettings changes = new AgentSettings(null, null, null, null, null, 0, null, null, null, patch);
        fixture.given(new AgentCreatedEvent(AGENT, ACCOUNT, SETTINGS))
                .when(new UpdateAgentCommand(AGENT, ACCOUNT, changes, Set.of("metadata")))
                .expectEvents(new AgentUpdatedEvent(AGENT, ACCOUNT, new AgentSettings("Sales", "Sell things",
                        "Hello", "maya", "en-US", 600, VoicemailSettings.DEFAULT, null, AnalysisSettings.DEFAULT,
                        Map.of("region", "west"))));
    }

    @Test
    void anUpdateThatChangesNothingEmitsNoEvent() {
        fixture.given(new AgentCreatedEvent(AGENT, ACCOUNT, SETTINGS))
                .when(new UpdateAgentCommand(AGENT, ACCOUNT, SETTINGS, Set.of("name", "prompt", "voice")))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anotherAccountCannotUpdateTheAgent() {
        fixture.given(new AgentCreatedEvent(AGENT, ACCOUNT, SETTINGS))
                .when(new UpdateAgentCommand(AGENT, "acct_other", SETTINGS, Set.of("name")))
                .expectException(ResourceNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void anotherAccountCannotDeleteTheAgent() {
        fixture.given(new AgentCreatedEvent(AGENT, ACCOUNT, SETTINGS))
                .when(new DeleteAgentCommand(AGENT, "acct_other"))
                .expectException(ResourceNotFoundException.class);
    }

    @Test
    void deletesAnAgent() {
        fixture.given(new AgentCreatedEvent(AGENT, ACCOUNT, SETTINGS))
                .when(new DeleteAgentCommand(AGENT, ACCOUNT))
                .expectEvents(new AgentDeletedEvent(AGENT, ACCOUNT))
                .expectMarkedDeleted();
    }

    @Test
    void cannotDeleteAnAgentThatAnActiveCampaignUses() {
        activeCampaigns = 1;
        fixture.given(new AgentCreatedEvent(AGENT, ACCOUNT, SETTINGS))
                .when(new DeleteAgentCommand(AGENT, ACCOUNT))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("running or paused"))
                .expectNoEvents();
    }

    @Test
    void aDeletedAgentCannotBeUpdated() {
        fixture.given(new AgentCreatedEvent(AGENT, ACCOUNT, SETTINGS), new AgentDeletedEvent(AGENT, ACCOUNT))
                .when(new UpdateAgentCommand(AGENT, ACCOUNT, SETTINGS, Set.of("name")))
                .expectException(AggregateDeletedException.class);
    }
}
