package io.outboundcalls.command.account;

import io.outboundcalls.command.common.CommandRejectedException;
import io.outboundcalls.command.common.ResourceNotFoundException;
import io.outboundcalls.events.account.AccountCreatedEvent;
import io.outboundcalls.events.account.AccountLimits;
import io.outboundcalls.events.account.AccountUpdatedEvent;
import io.outboundcalls.events.account.ApiKeyCreatedEvent;
import io.outboundcalls.events.account.ApiKeyRevokedEvent;
import io.outboundcalls.events.account.LegalCallingWindow;
import io.outboundcalls.events.account.LegalCallingWindowChangedEvent;
import io.outboundcalls.events.account.Tier;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccountTest {

    private static final String ACCOUNT = "acct_1";
    private static final NewApiKey KEY = new NewApiKey("key_1", "default", "hash1", "sk_live_abcd", "wxyz");

    private AggregateTestFixture<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Account.class);
    }

    @Test
    void anAccountIsCreatedWithItsFirstKey() {
        fixture.givenNoPriorActivity()
                .when(new CreateAccountCommand(ACCOUNT, "Acme", Tier.STANDARD, AccountLimits.NONE, KEY))
                .expectEvents(new AccountCreatedEvent(ACCOUNT, "Acme", Tier.STANDARD, AccountLimits.NONE),
                        new ApiKeyCreatedEvent(ACCOUNT, "key_1", "default", "hash1", "sk_live_abcd", "wxyz"));
    }

    @Test
    void changingTheTierKeepsTheOtherSettings() {
        fixture.given(new AccountCreatedEvent(ACCOUNT, "Acme", Tier.STANDARD, AccountLimits.NONE))
                .when(new UpdateAccountCommand(ACCOUNT, null, Tier.PROFESSIONAL, null))
                .expectEvents(new AccountUpdatedEvent(ACCOUNT, "Acme", Tier.PROFESSIONAL, AccountLimits.NONE));
    }

    @Test
    void anUpdateThatChangesNothingEmitsNoEvent() {
        fixture.given(new AccountCreatedEvent(ACCOUNT, "Acme", Tier.STANDARD, AccountLimits.NONE))
                .when(new UpdateAccountCommand(ACCOUNT, "Acme", Tier.STANDARD, null))
                .expectNoEvents();
    }

    @Test
    void theOperatorChangesTheLegalCallingWindow() {
        LegalCallingWindow window = new LegalCallingWindow("09:00", "20:00");
        fixture.given(new AccountCreatedEvent(ACCOUNT, "Acme", Tier.STANDARD, AccountLimits.NONE))
                .when(new ChangeLegalCallingWindowCommand(ACCOUNT, window))
                .expectEvents(new LegalCallingWindowChangedEvent(ACCOUNT, window));
    }

    @Test
    void theDefaultLegalWindowOrTheSameOneAgainChangesNothing() {
        fixture.given(new AccountCreatedEvent(ACCOUNT, "Acme", Tier.STANDARD, AccountLimits.NONE))
                .when(new ChangeLegalCallingWindowCommand(ACCOUNT, LegalCallingWindow.DEFAULT))
                .expectNoEvents();
        LegalCallingWindow window = new LegalCallingWindow("09:00", "20:00");
        fixture.given(new AccountCreatedEvent(ACCOUNT, "Acme", Tier.STANDARD, AccountLimits.NONE),
                        new LegalCallingWindowChangedEvent(ACCOUNT, window))
                .when(new ChangeLegalCallingWindowCommand(ACCOUNT, new LegalCallingWindow("09:00", "20:00")))
                .expectNoEvents();
    }

    @Test
    void aLegalWindowMustOpenBeforeItCloses() {
        fixture.given(new AccountCreatedEvent(ACCOUNT, "Acme", Tier.STANDARD, AccountLimits.NONE))
                .when(new ChangeLegalCallingWindowCommand(ACCOUNT, new LegalCallingWindow("21:00", "08:00")))
                .expectException(CommandRejectedException.class)
                .expectNoEvents();
    }

    @Test
    void revokesAnActiveKey() {
        fixture.given(new AccountCreatedEvent(ACCOUNT, "Acme", Tier.STANDARD, AccountLimits.NONE),
                        new ApiKeyCreatedEvent(ACCOUNT, "key_1", "default", "hash1", "sk_live_abcd", "wxyz"))
                .when(new RevokeApiKeyCommand(ACCOUNT, "key_1"))
                .expectEvents(new ApiKeyRevokedEvent(ACCOUNT, "key_1"));
    }

    @Test
    void cannotRevokeAKeyTwice() {
        fixture.given(new AccountCreatedEvent(ACCOUNT, "Acme", Tier.STANDARD, AccountLimits.NONE),
                        new ApiKeyCreatedEvent(ACCOUNT, "key_1", "default", "hash1", "sk_live_abcd", "wxyz"),
                        new ApiKeyRevokedEvent(ACCOUNT, "key_1"))
                .when(new RevokeApiKeyCommand(ACCOUNT, "key_1"))
                .expectException(ResourceNotFoundException.class);
    }

    @Test
    void cannotRevokeAnotherAccountsKey() {
        fixture.given(new AccountCreatedEvent(ACCOUNT, "Acme", Tier.STANDARD, AccountLimits.NONE))
                .when(new RevokeApiKeyCommand(ACCOUNT, "key_of_someone_else"))
                .expectException(ResourceNotFoundException.class);
    }
}
