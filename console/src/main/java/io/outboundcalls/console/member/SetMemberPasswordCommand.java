package io.outboundcalls.console.member;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Sets the password with the one-time token. {@code tokenHash} null means a trusted caller (the
 * embedded development member) sets it without one.
 */
record SetMemberPasswordCommand(@TargetAggregateIdentifier String memberId, String tokenHash, String passwordHash,
                                Instant now) {
}
