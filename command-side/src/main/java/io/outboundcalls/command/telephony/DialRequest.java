package io.outboundcalls.command.telephony;

import io.outboundcalls.events.agent.AgentSettings;
import io.outboundcalls.events.contact.ContactDetails;

/**
 * Everything a provider needs to place one call and let the agent speak. {@code contactId} lets the
 * conversation act on the contact while the call is live (a callee who asks not to be called again).
 * {@code from} is the campaign's {@code from_number} (null: the provider's default caller id); a
 * {@code testMode} call is always simulated.
 */
public record DialRequest(String callId, String accountId, String campaignId, String contactId, String to, String from,
                          int attempt, AgentSettings agent, ContactDetails contact, boolean testMode) {

    public DialRequest(String callId, String accountId, String campaignId, String contactId, String to, String from,
                       int attempt, AgentSettings agent, ContactDetails contact) {
        this(callId, accountId, campaignId, contactId, to, from, attempt, agent, contact, false);
    }
}
