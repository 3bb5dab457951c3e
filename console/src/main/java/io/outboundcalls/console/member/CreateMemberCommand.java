package io.outboundcalls.console.member;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** {@code email} is already normalised (trimmed, lower case); the token is given only as its hash. */
record CreateMemberCommand(@TargetAggregateIdentifier String memberId, String accountId, String email,
                           String setPasswordTokenHash, Instant tokenExpiresAt) {
}
