package io.outboundcalls.console.member;

import io.outboundcalls.command.common.CommandRejectedException;
import io.outboundcalls.events.member.MemberCreatedEvent;
import io.outboundcalls.events.member.MemberPasswordSetEvent;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

class MemberTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final MemberCreatedEvent CREATED = new MemberCreatedEvent("mem_1", "acct_1", "ana@example.com",
            "token-hash", NOW.plus(Members.TOKEN_VALIDITY));

    private AggregateTestFixture<Member> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Member.class);
    }

    @Test
    void theSetPasswordTokenSetsThePassword() {
        fixture.given(CREATED)
                .when(new SetMemberPasswordCommand("mem_1", "token-hash", "{bcrypt}hash", NOW))
                .expectEvents(new MemberPasswordSetEvent("mem_1", "{bcrypt}hash"));
    }

    @Test
    void anotherTokenIsRefused() {
        fixture.given(CREATED)
                .when(new SetMemberPasswordCommand("mem_1", "other-hash", "{bcrypt}hash", NOW))
                .expectException(CommandRejectedException.class)
                .expectNoEvents();
    }

    @Test
    void anExpiredTokenIsRefused() {
        fixture.given(CREATED)
                .when(new SetMemberPasswordCommand("mem_1", "token-hash", "{bcrypt}hash",
                        NOW.plus(Members.TOKEN_VALIDITY).plusSeconds(1)))
                .expectException(CommandRejectedException.class);
    }

    @Test
    void theTokenWorksOnce() {
        fixture.given(CREATED, new MemberPasswordSetEvent("mem_1", "{bcrypt}first"))
                .when(new SetMemberPasswordCommand("mem_1", "token-hash", "{bcrypt}second", NOW))
                .expectException(CommandRejectedException.class);
    }

    @Test
    void aTrustedCallerSetsThePasswordWithoutAToken() {
        fixture.given(new MemberCreatedEvent("mem_1", "acct_1", "dev@example.com", null, null))
                .when(new SetMemberPasswordCommand("mem_1", null, "{bcrypt}dev", NOW))
                .expectEvents(new MemberPasswordSetEvent("mem_1", "{bcrypt}dev"));
    }
}
