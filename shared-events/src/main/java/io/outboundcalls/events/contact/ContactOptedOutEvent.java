package io.outboundcalls.events.contact;

import org.axonframework.serialization.Revision;

/** The callee asked not to be called again: status opted_out and do-not-call from now on. */
@Revision("1")
public record ContactOptedOutEvent(String contactId, String accountId, String campaignId, String callId) {
}
