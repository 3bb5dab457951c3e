package io.outboundcalls.console.member;

import io.outboundcalls.command.common.CommandRejectedException;
import io.outboundcalls.events.member.MemberCreatedEvent;
import io.outboundcalls.events.member.MemberPasswordSetEvent;
import io.outboundcalls.events.member.MemberTimeZoneChangedEvent;
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

    @Test
    void aZoneOfTheIanaDatabaseBecomesTheMembersZone() {
        fixture.given(CREATED)
                .when(new ChangeMemberTimeZoneCommand("mem_1", "Asia/Tokyo"))
                .expectEvents(new MemberTimeZoneChangedEvent("mem_1", "Asia/Tokyo"));
    }

    @Test
    void anUnknownZoneIsRefusedOnTheTimeZoneField() {
        fixture.given(CREATED)
                .when(new ChangeMemberTimeZoneCommand("mem_1", "Mars/Olympus_Mons"))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage("time_zone must be an IANA time zone such as 'Europe/London' or 'Asia/Tokyo'")
                .expectNoEvents();
    }

    @Test
    void aBareOffsetIsRefused() {
        fixture.given(CREATED)
                .when(new ChangeMemberTimeZoneCommand("mem_1", "+09:00"))
                .expectException(CommandRejectedException.class);
    }

    @Test
    void theZoneSpeltOtherwiseIsRefused() {
        fixture.given(CREATED)
                .when(new ChangeMemberTimeZoneCommand("mem_1", "asia/tokyo"))
                .expectException(CommandRejectedException.class);
    }

    @Test
    void theSameZoneAgainIsNoNewFact() {
        fixture.given(CREATED, new MemberTimeZoneChangedEvent("mem_1", "Asia/Tokyo"))
                .when(new ChangeMemberTimeZoneCommand("mem_1", "Asia/Tokyo"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anotherZoneReplacesTheFirst() {
        fixture.given(CREATED, new MemberTimeZoneChangedEvent("mem_1", "Asia/Tokyo"))
                .when(new ChangeMemberTimeZoneCommand("mem_1", "America/New_York"))
                .expectEvents(new MemberTimeZoneChangedEvent("mem_1", "America/New_York"));
    }
}
