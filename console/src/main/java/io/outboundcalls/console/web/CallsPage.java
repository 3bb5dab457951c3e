package io.outboundcalls.console.web;

import io.outboundcalls.console.api.ApiObject;
import io.outboundcalls.console.api.ApiReply;
import io.outboundcalls.console.security.ConsoleMember;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Calls ({@code /v1/calls}): filters, and a call's transcript, recording, summary and analysis. */
@Controller
@RequestMapping("/console/calls")
class CallsPage {

    static final List<String> STATUSES = List.of("queued", "ringing", "in_progress", "completed", "failed", "no_answer",
            "busy", "canceled");
    static final List<String> OUTCOMES = List.of("completed", "voicemail", "no_answer", "busy", "failed", "opted_out",
            "transferred", "max_duration");
    /** The recording's headers a player needs, passed on from the API's answer. */
    private static final List<String> AUDIO_HEADERS = List.of(HttpHeaders.CONTENT_RANGE, HttpHeaders.ACCEPT_RANGES,
            HttpHeaders.CONTENT_DISPOSITION);

    private final AccountApi api;

    CallsPage(AccountApi api) {
        this.api = api;
    }

    @GetMapping
    ModelAndView list(@AuthenticationPrincipal ConsoleMember member, HttpServletRequest page) {
        Map<String, Object> filters = new LinkedHashMap<>();
        for (String name : List.of("campaign_id", "agent_id", "contact_id", "status", "outcome")) {
            Forms.put(filters, name, Forms.text(page, name));
        }
        UriComponentsBuilder query = UriComponentsBuilder.fromPath("/v1/calls").queryParam("limit", 100);
        filters.forEach(query::queryParam);
        ApiReply calls = api.get(member, page, query.build().toUriString());
        Map<String, Object> model = new HashMap<>();
        model.put("calls", calls.ok() ? calls.data() : List.of());
        if (!calls.ok()) {
            model.put("errors", calls.fieldErrors());
        }
        model.put("filters", ApiObject.map(filters));
        model.put("campaigns", Pages.require(api.get(member, page, "/v1/campaigns?limit=100")).data());
        model.put("statuses", STATUSES);
        model.put("outcomes", OUTCOMES);
        return Pages.page("console/calls", model);
    }

    @GetMapping("/{id}")
    ModelAndView call(@AuthenticationPrincipal ConsoleMember member, HttpServletRequest page, @PathVariable String id) {
        Map<String, Object> model = new HashMap<>();
        model.put("call", Pages.require(api.get(member, page, "/v1/calls/{id}", id)).map());
        model.put("transcript", Pages.require(api.get(member, page, "/v1/calls/{id}/transcript", id)).map());
        return Pages.page("console/call", model);
    }

    /** The WAV as the API serves it ({@code Range} included), so the page's audio element can seek. */
    @GetMapping("/{id}/recording")
    ResponseEntity<byte[]> recording(@AuthenticationPrincipal ConsoleMember member, HttpServletRequest page, @PathVariable String id) {
        ApiReply wav = api.get(member, page, "/v1/calls/{id}/recording", id);
        if (wav.status() == 404) {
            Pages.require(wav);
        }
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(wav.status());
        if (wav.contentType() != null) {
            answer.header(HttpHeaders.CONTENT_TYPE, wav.contentType());
        }
        AUDIO_HEADERS.forEach(name -> {
            String value = wav.headers().get(name.toLowerCase(java.util.Locale.ROOT));
            if (value != null) {
                answer.header(name, value);
            }
        });
        return answer.body(wav.body());
    }
}
