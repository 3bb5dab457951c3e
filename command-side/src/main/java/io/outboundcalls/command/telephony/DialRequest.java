package io.outboundcalls.command.telephony;

import io.outboundcalls.events.agent.AgentSettings;
import io.outboundcalls.events.contact.ContactDetails;

/**
 * Everything a provider needs to place one call and let the agent speak. {@code contactId} lets the
 * conversation act on the contact while the call is live (a callee who asks not to be called again).
 */
public record DialRequest(String callId, String accountId, String campaignId, String contactId, String to, String from,
                          int attempt, AgentSettings agent, ContactDetails contact) {
}
