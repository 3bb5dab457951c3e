package io.outboundcalls.console.member;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** {@code timeZone} as the member or their browser gave it (an IANA id), not yet checked. */
record ChangeMemberTimeZoneCommand(@TargetAggregateIdentifier String memberId, String timeZone) {
}
