package io.outboundcalls.command.telephony;

import io.outboundcalls.events.agent.AgentSettings;
import io.outboundcalls.events.contact.ContactDetails;

/** Everything a provider needs to place one call and let the agent speak. */
public record DialRequest(String callId, String accountId, String campaignId, String to, String from, int attempt,
                          AgentSettings agent, ContactDetails contact) {
}
