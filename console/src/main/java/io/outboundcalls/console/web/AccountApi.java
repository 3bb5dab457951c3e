package io.outboundcalls.console.web;

import io.outboundcalls.command.account.AccountRegistry;
import io.outboundcalls.command.account.AccountRegistry.Principal;
import io.outboundcalls.console.api.ApiReply;
import io.outboundcalls.console.api.ConsoleApi;
import io.outboundcalls.console.security.ConsoleMember;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The API as the signed-in member's account: every page reads and writes through it, so the
 * member sees exactly what an API key of their account sees, and another account's ids are 404.
 * Paths are templates ({@code /v1/agents/{id}}) whose values are encoded, so an id from a URL
 * can never change the API route.
 */
@Component
class AccountApi {

    private final ConsoleApi api;
    private final AccountRegistry registry;

    AccountApi(ConsoleApi api, AccountRegistry registry) {
        this.api = api;
        this.registry = registry;
    }

    ApiReply get(ConsoleMember member, HttpServletRequest page, String path, Object... values) {
        return api.exchange(principal(member), page, HttpMethod.GET, expand(path, values), null);
    }

    ApiReply post(ConsoleMember member, HttpServletRequest page, Object body, String path, Object... values) {
        return api.exchange(principal(member), page, HttpMethod.POST, expand(path, values), body);
    }

    ApiReply patch(ConsoleMember member, HttpServletRequest page, Object body, String path, Object... values) {
        return api.exchange(principal(member), page, HttpMethod.PATCH, expand(path, values), body);
    }

    ApiReply delete(ConsoleMember member, HttpServletRequest page, String path, Object... values) {
        return api.exchange(principal(member), page, HttpMethod.DELETE, expand(path, values), null);
    }

    /** The page's own multipart upload (its file and fields) posted to the API route. */
    ApiReply upload(ConsoleMember member, HttpServletRequest page, String path) {
        return api.exchange(principal(member), page, HttpMethod.POST, path, null);
    }

    SseEmitter campaignStream(ConsoleMember member, String campaignId) {
        return api.campaignStream(principal(member), campaignId);
    }

    /** The account as an API key of it would be: same tier and limits; no key id (no key was used). */
    private Principal principal(ConsoleMember member) {
        AccountRegistry.AccountRecord account = registry.findAccount(member.accountId())
                .orElseThrow(() -> new IllegalStateException("The member's account is gone: " + member.accountId()));
        return new Principal(account.accountId(), null, account.tier(), account.limits());
    }

    private static String expand(String path, Object... values) {
        return UriComponentsBuilder.fromUriString(path).buildAndExpand(values).encode().toUriString();
    }
}
