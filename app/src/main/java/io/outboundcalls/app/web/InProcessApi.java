package io.outboundcalls.app.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.outboundcalls.app.campaigns.CampaignStreams;
import io.outboundcalls.command.account.AccountRegistry.Principal;
import io.outboundcalls.console.api.ApiReply;
import io.outboundcalls.console.api.ConsoleApi;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.util.WebUtils;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The console's way into the API: a console page's call is dispatched through Spring MVC to the
 * very controller a client's request reaches, as the member's account, and its answer (status,
 * JSON, problem) comes back whole. Authentication and rate limits of /v1 are not applied (the
 * console's own session chain has authenticated the member); everything after them is the API.
 */
@Component
class InProcessApi implements ConsoleApi {

    /** JSON first (the transcript's answer), anything else when that is all a route has (the recording's WAV). */
    private static final String ACCEPT = "application/json, */*;q=0.5";

    private final ObjectProvider<DispatcherServlet> dispatcher;
    private final ObjectMapper json;
    private final CampaignStreams streams;

    InProcessApi(ObjectProvider<DispatcherServlet> dispatcher, ObjectMapper objectMapper, CampaignStreams streams) {
        this.dispatcher = dispatcher;
        this.json = objectMapper;
        this.streams = streams;
    }

    @Override
    public ApiReply exchange(Principal principal, HttpServletRequest page, HttpMethod method, String pathAndQuery, Object body) {
        if (!pathAndQuery.startsWith("/v1/")) {
            throw new IllegalArgumentException("Not an API path: " + pathAndQuery);
        }
        HttpServletRequest request = request(page, method, pathAndQuery, body);
        request.setAttribute(ApiPrincipals.ATTRIBUTE, principal);
        CapturedResponse response = new CapturedResponse(pageResponse());
        try {
            dispatcher.getObject().service(request, response);
        } catch (ServletException e) {
            throw new IllegalStateException("The API failed on " + method + " " + pathAndQuery, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ApiReply(response.getStatus(), response.getContentType(), response.body(), response.headerValues());
    }

    @Override
    public SseEmitter campaignStream(Principal principal, String campaignId) {
        return streams.open(principal, campaignId);
    }

    private HttpServletRequest request(HttpServletRequest page, HttpMethod method, String pathAndQuery, Object body) {
        MultipartHttpServletRequest upload = WebUtils.getNativeRequest(page, MultipartHttpServletRequest.class);
        if (body == null && upload != null && method == HttpMethod.POST) {
            return new InProcessMultipartRequest(upload, pathAndQuery);
        }
        InProcessRequest request = new InProcessRequest(page, method.name(), pathAndQuery,
                body == null ? null : "application/json", ACCEPT, false);
        if (body == null) {
            return request;
        }
        try {
            return new CachedBodyRequest(request, json.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not JSON: " + body, e);
        }
    }

    private static HttpServletResponse pageResponse() {
        HttpServletResponse response = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getResponse();
        if (response == null) {
            throw new IllegalStateException("The console calls the API only while serving a page");
        }
        return response;
    }
}
