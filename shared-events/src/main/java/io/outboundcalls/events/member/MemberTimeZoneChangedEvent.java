package io.outboundcalls.events.member;

import org.axonframework.serialization.Revision;

/** The zone the console shows the member's times in: an IANA id such as {@code Asia/Tokyo}. */
@Revision("1")
public record MemberTimeZoneChangedEvent(String memberId, String timeZone) {
}
