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
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A customer account: its tier, its custom limits, the legal calling window that bounds every
 * campaign of it, and the API keys that act for it.
 */
@Aggregate
class Account {

    @AggregateIdentifier
    private String accountId;
    private String name;
    private Tier tier;
    private AccountLimits limits;
    private LegalCallingWindow legalCallingWindow = LegalCallingWindow.DEFAULT;
    private final Set<String> activeKeyIds = new HashSet<>();

    protected Account() {
    }

    @CommandHandler
    Account(CreateAccountCommand command) {
        apply(new AccountCreatedEvent(command.accountId(), command.name(), command.tier(), command.limits()));
        NewApiKey key = command.firstKey();
        apply(new ApiKeyCreatedEvent(command.accountId(), key.keyId(), key.name(), key.keyHash(), key.prefix(), key.last4()));
    }

    @CommandHandler
    void handle(UpdateAccountCommand command) {
        String newName = command.name() != null ? command.name() : name;
        Tier newTier = command.tier() != null ? command.tier() : tier;
        AccountLimits newLimits = command.limits() != null ? command.limits() : limits;
        if (isUnchanged(newName, newTier, newLimits)) {
            return;
        }
        apply(new AccountUpdatedEvent(accountId, newName, newTier, newLimits));
    }

    /** The operator's choice, any hours of the day as long as the window opens before it closes. */
    @CommandHandler
    void handle(ChangeLegalCallingWindowCommand command) {
        LegalCallingWindow window = command.window();
        if (!window.isValid()) {
            throw new CommandRejectedException(CommandRejectedException.Kind.INVALID, "invalid_value", "legal_calling_window.end",
                    "'legal_calling_window.end' must be after 'legal_calling_window.start'");
        }
        if (!window.equals(legalCallingWindow)) {
            apply(new LegalCallingWindowChangedEvent(accountId, window));
        }
    }

    @CommandHandler
    void handle(CreateApiKeyCommand command) {
        NewApiKey key = command.key();
        apply(new ApiKeyCreatedEvent(accountId, key.keyId(), key.name(), key.keyHash(), key.prefix(), key.last4()));
    }

    @CommandHandler
    void handle(RevokeApiKeyCommand command) {
        if (!activeKeyIds.contains(command.keyId())) {
            throw new ResourceNotFoundException("api_key", command.keyId());
        }
        apply(new ApiKeyRevokedEvent(accountId, command.keyId()));
    }

    private boolean isUnchanged(String newName, Tier newTier, AccountLimits newLimits) {
        return Objects.equals(name, newName) && tier == newTier && Objects.equals(limits, newLimits);
    }

    @EventSourcingHandler
    void on(AccountCreatedEvent event) {
        accountId = event.accountId();
        name = event.name();
        tier = event.tier();
        limits = event.limits();
    }

    @EventSourcingHandler
    void on(AccountUpdatedEvent event) {
        name = event.name();
        tier = event.tier();
        limits = event.limits();
    }

    @EventSourcingHandler
    void on(LegalCallingWindowChangedEvent event) {
        legalCallingWindow = event.window();
    }

    @EventSourcingHandler
    void on(ApiKeyCreatedEvent event) {
        activeKeyIds.add(event.keyId());
    }

    @EventSourcingHandler
    void on(ApiKeyRevokedEvent event) {
        activeKeyIds.remove(event.keyId());
    }
}
