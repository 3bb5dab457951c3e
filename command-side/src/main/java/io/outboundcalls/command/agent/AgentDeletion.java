package io.outboundcalls.command.agent;

import io.outboundcalls.command.common.CommandRejectedException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Deleting an agent that a running or paused campaign uses would strand those calls: refused
 * with 409 {@code agent_in_use}. The dialer's campaign table is written in the same transaction
 * as the campaign events, so the check sees every committed start, pause and resume.
 */
@Component
class AgentDeletion {

    private final Repository<Agent> agents;
    private final CampaignsUsingAgent campaigns;

    AgentDeletion(Repository<Agent> agents, CampaignsUsingAgent campaigns) {
        this.agents = agents;
        this.campaigns = campaigns;
    }

    /** Which active campaigns use an agent; a port so that aggregate tests can answer it. */
    interface CampaignsUsingAgent {
        int activeCampaigns(String accountId, String agentId);
    }

    @Component
    static class DialerCampaigns implements CampaignsUsingAgent {

        private final JdbcTemplate jdbc;

        DialerCampaigns(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public int activeCampaigns(String accountId, String agentId) {
            Integer count = jdbc.queryForObject("""
                    select count(*) from dialer.campaigns
                    where account_id = ? and settings ->> 'agentId' = ? and status in ('running', 'paused')""",
                    Integer.class, accountId, agentId);
            return count == null ? 0 : count;
        }
    }

    @CommandHandler
    void handle(DeleteAgentCommand command) {
        agents.load(command.agentId()).execute(agent -> {
            agent.checkOwner(command.accountId());
            int active = campaigns.activeCampaigns(command.accountId(), command.agentId());
            if (active > 0) {
                throw new CommandRejectedException(CommandRejectedException.Kind.CONFLICT, "agent_in_use", "id",
                        "Agent '" + command.agentId() + "' is used by " + active + " running or paused campaign"
                                + (active == 1 ? "" : "s") + "; pause is not enough: complete or cancel them first");
            }
            agent.delete();
        });
    }
}
