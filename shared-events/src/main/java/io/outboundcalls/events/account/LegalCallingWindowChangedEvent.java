package io.outboundcalls.events.account;

import org.axonframework.serialization.Revision;

/** The operator set the account's legal calling window; an account without this event has {@link LegalCallingWindow#DEFAULT}. */
@Revision("1")
public record LegalCallingWindowChangedEvent(String accountId, LegalCallingWindow window) {
}
