package io.outboundcalls.events.member;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A person who may sign in to the console for one account. Created without a password: the
 * one-time set-password token (its SHA-256, never the token) is valid until {@code tokenExpiresAt}.
 */
@Revision("1")
public record MemberCreatedEvent(String memberId, String accountId, String email, String setPasswordTokenHash,
                                 Instant tokenExpiresAt) {
}
