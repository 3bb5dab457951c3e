package io.outboundcalls.app.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.outboundcalls.app.security.PrincipalCache;
import io.outboundcalls.app.web.ApiException;
import io.outboundcalls.app.web.JsonBodies;
import io.outboundcalls.app.web.JsonFields;
import io.outboundcalls.command.account.AccountRegistry;
import io.outboundcalls.command.account.AccountRegistry.AccountRecord;
import io.outboundcalls.command.account.ApiKeys;
import io.outboundcalls.command.account.ChangeLegalCallingWindowCommand;
import io.outboundcalls.command.account.CreateAccountCommand;
import io.outboundcalls.command.account.UpdateAccountCommand;
import io.outboundcalls.command.common.Ids;
import io.outboundcalls.events.account.AccountLimits;
import io.outboundcalls.events.account.LegalCallingWindow;
import io.outboundcalls.events.account.Tier;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Operator API for accounts. Guarded by the operator token ({@code security/SecurityConfiguration}). */
@RestController
@RequestMapping("/admin/accounts")
class AdminAccountController {

    private static final List<String> TIERS = Arrays.stream(Tier.values()).map(t -> t.name().toLowerCase(Locale.ROOT)).toList();

    private final CommandGateway commands;
    private final AccountRegistry registry;
    private final JsonBodies bodies;
    private final PrincipalCache principals;

    AdminAccountController(CommandGateway commands, AccountRegistry registry, JsonBodies bodies, PrincipalCache principals) {
        this.commands = commands;
        this.registry = registry;
        this.bodies = bodies;
        this.principals = principals;
    }

    @JsonPropertyOrder({"id", "object"})
    record LimitsResponse(Integer requestsPerMinute, Integer burstPerSecond, Integer concurrentRequests,
                          Integer concurrentCalls) {
    }

    @JsonPropertyOrder({"id", "object"})
    record NewKeyResponse(String id, String object, String name, String secret, String prefix, String last4,
                          Instant createdAt) {
    }

    /** The account's legal calling window, shaped like a campaign's {@code calling_hours}. */
    record WindowResponse(String start, String end) {
    }

    @JsonPropertyOrder({"id", "object"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AccountResponse(String id, String object, String name, String tier, LimitsResponse limits,
                           WindowResponse legalCallingWindow, Instant createdAt, Instant updatedAt, NewKeyResponse apiKey) {

        static AccountResponse of(AccountRecord account, NewKeyResponse key) {
            AccountLimits l = account.limits();
            LegalCallingWindow window = account.legalCallingWindow();
            return new AccountResponse(account.accountId(), "account", account.name(),
                    account.tier().name().toLowerCase(Locale.ROOT),
                    new LimitsResponse(l.requestsPerMinute(), l.burstPerSecond(), l.concurrentRequests(), l.concurrentCalls()),
                    new WindowResponse(window.start(), window.end()), account.createdAt(), account.updatedAt(), key);
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    AccountResponse create(HttpServletRequest request) {
        JsonFields f = bodies.read(request);
        String name = f.requiredString("name", 200);
        String tier = f.optionalEnum("tier", TIERS);
        AccountLimits limits = limits(f);
        LegalCallingWindow window = LegalCallingWindowRequest.read(f);
        f.throwIfInvalid();
        String accountId = Ids.newId("acct");
        ApiKeys.Generated key = ApiKeys.generate("default");
        commands.sendAndWait(new CreateAccountCommand(accountId, name,
                tier == null ? Tier.STANDARD : Tier.valueOf(tier.toUpperCase(Locale.ROOT)),
                limits == null ? AccountLimits.NONE : limits, key.key()));
        if (window != null) {
            commands.sendAndWait(new ChangeLegalCallingWindowCommand(accountId, window));
        }
        AccountRecord account = registry.findAccount(accountId).orElseThrow();
        return AccountResponse.of(account, new NewKeyResponse(key.key().keyId(), "api_key", key.key().name(),
                key.secret(), key.key().prefix(), key.key().last4(), account.createdAt()));
    }

    @GetMapping("/{id}")
    AccountResponse get(@PathVariable String id) {
        return registry.findAccount(id).map(a -> AccountResponse.of(a, null))
                .orElseThrow(() -> ApiException.notFound("account", id));
    }

    @PatchMapping("/{id}")
    AccountResponse update(@PathVariable String id, HttpServletRequest request) {
        JsonFields f = bodies.read(request);
        String name = f.optionalString("name", 200);
        String tier = f.optionalEnum("tier", TIERS);
        AccountLimits limits = limits(f);
        LegalCallingWindow window = LegalCallingWindowRequest.read(f);
        f.throwIfInvalid();
        if (!Ids.hasPrefix(id, "acct")) {
            throw ApiException.notFound("account", id);
        }
        // first the change the aggregate may refuse, so a refused PATCH changes nothing
        if (window != null) {
            commands.sendAndWait(new ChangeLegalCallingWindowCommand(id, window));
        }
        commands.sendAndWait(new UpdateAccountCommand(id, name,
                tier == null ? null : Tier.valueOf(tier.toUpperCase(Locale.ROOT)), limits));
        principals.forgetAccount(id);
        return get(id);
    }

    /** Custom limits; a field left out or null means "the tier's default". */
    private static AccountLimits limits(JsonFields f) {
        JsonFields l = f.optionalObject("limits");
        if (l == null) {
            return null;
        }
        return new AccountLimits(
                l.optionalInt("requests_per_minute", 1, 1_000_000),
                l.optionalInt("burst_per_second", 1, 100_000),
                l.optionalInt("concurrent_requests", 1, 100_000),
                l.optionalInt("concurrent_calls", 1, 100_000));
    }
}
