package io.outboundcalls.console.member;

import io.outboundcalls.command.common.CommandRejectedException;
import io.outboundcalls.command.common.CommandRejectedException.Kind;
import io.outboundcalls.events.member.MemberCreatedEvent;
import io.outboundcalls.events.member.MemberPasswordSetEvent;
import io.outboundcalls.events.member.MemberTimeZoneChangedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A person of an account who signs in to the console. The set-password token can be used once,
 * before it expires; the unique email is a set-based rule kept by {@link MemberCommandHandler}.
 * The console shows the member's times in their zone, which must be one of the IANA database.
 */
@Aggregate
class Member {

    @AggregateIdentifier
    private String memberId;
    private String pendingTokenHash;
    private Instant tokenExpiresAt;
    private String timeZone;

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

    @CommandHandler
    void handle(ChangeMemberTimeZoneCommand command) {
        if (!isKnownTimeZone(command.timeZone())) {
            throw new CommandRejectedException(Kind.INVALID, "invalid_time_zone", "time_zone",
                    "time_zone must be an IANA time zone such as 'Europe/London' or 'Asia/Tokyo'");
        }
        if (command.timeZone().equals(timeZone)) {
            return; // already the member's zone: nothing happened
        }
        apply(new MemberTimeZoneChangedEvent(memberId, command.timeZone()));
    }

    /**
     * A region of the IANA database ({@code Asia/Tokyo}, {@code UTC}), spelt as it is there: a bare
     * offset ({@code +09:00}) has no daylight saving rules and no abbreviation to show.
     */
    static boolean isKnownTimeZone(String zone) {
        return zone != null && ZoneId.getAvailableZoneIds().contains(zone);
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

    @EventSourcingHandler
    void on(MemberTimeZoneChangedEvent event) {
        timeZone = event.timeZone();
    }
}
