package io.outboundcalls.events.contact;

import org.axonframework.serialization.Revision;

/** The status follows the calls: in_campaign when a campaign takes it, then reached or unreachable. */
@Revision("1")
public record ContactStatusChangedEvent(String contactId, String accountId, ContactStatus status, String campaignId, String callId) {
}
