package io.outboundcalls.events.member;

import org.axonframework.serialization.Revision;

/** The member chose a password; only its hash (Spring Security's encoder, with the algorithm's prefix) is kept. */
@Revision("1")
public record MemberPasswordSetEvent(String memberId, String passwordHash) {
}
