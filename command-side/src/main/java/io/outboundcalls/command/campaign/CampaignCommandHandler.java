package io.outboundcalls.command.campaign;

import io.outboundcalls.command.dialer.CampaignMembership;
import io.outboundcalls.command.dialer.DialerDirectory;
import io.outboundcalls.events.campaign.CampaignSettings;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Campaign commands whose rules need facts from the dialer's tables: the facts are looked up
 * here, inside the command's transaction, and passed to the {@link Campaign}, which decides.
 * Decisions about members (start, enrolment, completion) first lock the campaign's dialer row
 * ({@link CampaignMembership}): membership changes wait for them, so none slips in between the
 * look-up and the event. The aggregate is loaded (and so locked) before the row, as every other
 * campaign command does, so the two locks are always taken in the same order.
 */
@Component
class CampaignCommandHandler {

    private final Repository<Campaign> repository;
    private final DialerDirectory directory;
    private final CampaignMembership membership;

    CampaignCommandHandler(Repository<Campaign> repository, DialerDirectory directory, CampaignMembership membership) {
        this.repository = repository;
        this.directory = directory;
        this.membership = membership;
    }

    @CommandHandler
    String handle(CreateCampaignCommand command) throws Exception {
        CampaignSettings settings = command.settings();
        boolean agentExists = directory.agentExists(command.accountId(), settings.agentId());
        boolean listExists = directory.listExists(command.accountId(), settings.contactListId());
        repository.newInstance(() -> new Campaign(command, agentExists, listExists));
        return command.campaignId();
    }

    @CommandHandler
    void handle(StartCampaignCommand command) {
        Aggregate<Campaign> campaign = repository.load(command.campaignId());
        membership.lockForDecision(command.campaignId());
        CampaignSettings settings = campaign.invoke(Campaign::settings);
        String accountId = command.accountId();
        boolean agentExists = directory.agentExists(accountId, settings.agentId());
        boolean listExists = directory.listExists(accountId, settings.contactListId());
        int listSize = directory.listSize(settings.contactListId());
        campaign.execute(c -> c.handle(command, agentExists, listExists, listSize));
    }

    @CommandHandler
    void handle(EnrollCampaignContactsCommand command) {
        Aggregate<Campaign> campaign = repository.load(command.campaignId());
        membership.lockForDecision(command.campaignId());
        List<String> newMembers = membership.newMembers(command.campaignId());
        campaign.execute(c -> c.handle(command, newMembers));
    }

    /** Members who joined since the dialer looked are enrolled instead: the campaign is not complete while they wait. */
    @CommandHandler
    void handle(CompleteCampaignCommand command) {
        Aggregate<Campaign> campaign = repository.load(command.campaignId());
        membership.lockForDecision(command.campaignId());
        List<String> newMembers = membership.newMembers(command.campaignId());
        boolean everyMemberFinal = newMembers.isEmpty() && !membership.hasUnfinishedMembers(command.campaignId());
        campaign.execute(c -> {
            c.handle(new EnrollCampaignContactsCommand(command.campaignId(), command.accountId()), newMembers);
            c.handle(command, everyMemberFinal);
        });
    }
}
