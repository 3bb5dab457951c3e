package io.outboundcalls.command.telephony;

import io.outboundcalls.events.agent.AgentSettings;
import io.outboundcalls.events.contact.ContactDetails;

/**
 * Everything a provider needs to place one call and let the agent speak. {@code from} is the campaign's
 * {@code from_number} (null: the provider's default caller id); a {@code testMode} call is always simulated.
 */
public record DialRequest(String callId, String accountId, String campaignId, String to, String from, int attempt,
                          AgentSettings agent, ContactDetails contact, boolean testMode) {

    public DialRequest(String callId, String accountId, String campaignId, String to, String from, int attempt,
                       AgentSettings agent, ContactDetails contact) {
        this(callId, accountId, campaignId, to, from, attempt, agent, contact, false);
    }
}
