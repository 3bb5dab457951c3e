package io.outboundcalls.command.campaign;

import io.outboundcalls.events.account.LegalCallingWindow;
import io.outboundcalls.events.campaign.CampaignSettings;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** {@code legalCallingWindow}: the account's, as it is when the command is sent (a fact, looked up by the sender). */
public record CreateCampaignCommand(@TargetAggregateIdentifier String campaignId, String accountId, CampaignSettings settings,
                                    LegalCallingWindow legalCallingWindow) {
}
