package io.outboundcalls.console.member;

import io.outboundcalls.command.common.CommandRejectedException;
import io.outboundcalls.command.common.CommandRejectedException.Kind;
import io.outboundcalls.events.member.MemberCreatedEvent;
import io.outboundcalls.events.member.MemberPasswordSetEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A person of an account who signs in to the console. The set-password token can be used once,
 * before it expires; the unique email is a set-based rule kept by {@link MemberCommandHandler}.
 */
@Aggregate
class Member {

    @AggregateIdentifier
    private String memberId;
    private String pendingTokenHash;
    private Instant tokenExpiresAt;

    protected Member() {
    }

    Member(CreateMemberCommand command) {
        apply(new MemberCreatedEvent(command.memberId(), command.accountId(), command.email(),
                command.setPasswordTokenHash(), command.tokenExpiresAt()));
    }

    @CommandHandler
    void handle(SetMemberPasswordCommand command) {
        if (command.tokenHash() != null && !isValidToken(command.tokenHash(), command.now())) {
            throw invalidToken();
        }
        apply(new MemberPasswordSetEvent(memberId, command.passwordHash()));
    }

    boolean isValidToken(String tokenHash, Instant now) {
        return pendingTokenHash != null && Objects.equals(pendingTokenHash, tokenHash) && now.isBefore(tokenExpiresAt);
    }

    static CommandRejectedException invalidToken() {
        return new CommandRejectedException(Kind.INVALID, "invalid_token", "token",
                "This set-password link is unknown, already used or expired; ask for a new one");
    }

    @EventSourcingHandler
    void on(MemberCreatedEvent event) {
        memberId = event.memberId();
        pendingTokenHash = event.setPasswordTokenHash();
        tokenExpiresAt = event.tokenExpiresAt();
    }

    @EventSourcingHandler
    void on(MemberPasswordSetEvent event) {
        pendingTokenHash = null; // used once
    }
}
