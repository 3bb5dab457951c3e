package io.outboundcalls.app.apikeys;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.outboundcalls.app.security.PrincipalCache;
import io.outboundcalls.app.web.ApiGateway;
import io.outboundcalls.app.web.ApiException;
import io.outboundcalls.app.web.ApiKeyUsage;
import io.outboundcalls.app.web.ApiList;
import io.outboundcalls.app.web.Deleted;
import io.outboundcalls.app.web.JsonFields;
import io.outboundcalls.app.web.ListParams;
import io.outboundcalls.command.account.AccountRegistry.Principal;
import io.outboundcalls.command.account.ApiKeys;
import io.outboundcalls.command.account.CreateApiKeyCommand;
import io.outboundcalls.command.account.RevokeApiKeyCommand;
import io.outboundcalls.command.common.Ids;
import io.outboundcalls.query.apikey.ApiKeyProjection;
import io.outboundcalls.query.apikey.ApiKeyView;
import io.outboundcalls.query.apikey.ListApiKeysQuery;
import io.outboundcalls.query.common.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/** {@code /v1/api_keys}: the secret is shown once, at creation; afterwards only prefix and last4. */
@Tag(name = "API keys", description = "The keys that authenticate requests")
@RestController
@RequestMapping("/v1/api_keys")
class ApiKeyController {

    private final ApiGateway api;
    private final ApiKeyUsage usage;
    private final PrincipalCache principals;

    ApiKeyController(ApiGateway api, ApiKeyUsage usage, PrincipalCache principals) {
        this.api = api;
        this.usage = usage;
        this.principals = principals;
    }

    @JsonPropertyOrder({"id", "object"})
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    record ApiKeyResponse(String id, String object, String name, String secret, String prefix, String last4,
                          Instant createdAt, @JsonInclude(JsonInclude.Include.ALWAYS) Instant lastUsedAt) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createApiKey", summary = "Create an API key (its secret is shown once)")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ApiKeyBodies.Create.class)))
    ApiKeyResponse create(Principal principal, HttpServletRequest request) {
        JsonFields f = api.body(request);
        String name = f.optionalString("name", 200);
        f.throwIfInvalid();
        ApiKeys.Generated generated = ApiKeys.generate(name);
        api.send(new CreateApiKeyCommand(principal.accountId(), generated.key()));
        api.awaitProjection(ApiKeyProjection.PROCESSING_GROUP, principal.accountId());
        var key = generated.key();
        return new ApiKeyResponse(key.keyId(), "api_key", name, generated.secret(), key.prefix(), key.last4(),
                Instant.now(), null);
    }

    @GetMapping
    @Operation(operationId = "listApiKeys", summary = "List API keys")
    ApiList<ApiKeyResponse> list(Principal principal, HttpServletRequest request) {
        ListParams params = ListParams.of(request);
        var page = params.page("key");
        params.throwIfInvalid();
        Page<ApiKeyView> result = api.page(new ListApiKeysQuery(principal.accountId(), page), ApiKeyView.class);
        return ApiList.of(result, view -> new ApiKeyResponse(view.id(), "api_key", view.name(), null, view.prefix(),
                view.last4(), view.createdAt(), usage.lastUsed(view.id()).orElse(null)));
    }

    @DeleteMapping("/{id}")
    @Operation(operationId = "revokeApiKey", summary = "Revoke an API key at once")
    Deleted revoke(Principal principal, @PathVariable String id) {
        if (!Ids.hasPrefix(id, "key")) {
            throw ApiException.notFound("api_key", id);
        }
        api.send(new RevokeApiKeyCommand(principal.accountId(), id));
        principals.forgetKey(id);
        api.awaitProjection(ApiKeyProjection.PROCESSING_GROUP, principal.accountId());
        return new Deleted(id, "api_key", true);
    }
}
