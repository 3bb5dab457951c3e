package io.outboundcalls.console.api;

import io.outboundcalls.command.account.AccountRegistry.Principal;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The public API as the console reaches it: in-process, acting for the signed-in member's
 * account, with the API's own validation, errors and JSON. The console holds no rule of its
 * own; the application (which depends on this module) provides the adapter.
 */
public interface ConsoleApi {

    /**
     * One API request. {@code body} is sent as JSON when not null; when null and {@code page} is
     * a multipart upload, its parts and fields are passed on (a CSV import).
     *
     * @param page         the console's own request (its request id, its upload)
     * @param pathAndQuery e.g. {@code /v1/agents?limit=100}
     */
    ApiReply exchange(Principal principal, HttpServletRequest page, HttpMethod method, String pathAndQuery, Object body);

    /** The campaign's live stream, exactly as {@code GET /v1/campaigns/:id/stream} serves it. */
    SseEmitter campaignStream(Principal principal, String campaignId);
}
