package io.outboundcalls.console.web;

import io.outboundcalls.console.api.ApiObject;
import io.outboundcalls.console.api.ApiReply;
import io.outboundcalls.console.security.ConsoleMember;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Campaigns ({@code /v1/campaigns}): the form carries every setting of the API; a campaign's page
 * is live through its stream ({@code /v1/campaigns/:id/stream}, served to the member here).
 */
@Controller
@RequestMapping("/console/campaigns")
class CampaignsPage {

    static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
    static final List<String> RETRY_OUTCOMES = List.of("no_answer", "busy", "failed", "voicemail");
    static final Set<String> ACTIONS = Set.of("start", "pause", "resume", "cancel");

    private final AccountApi api;

    CampaignsPage(AccountApi api) {
        this.api = api;
    }

    @GetMapping
    ModelAndView list(@AuthenticationPrincipal ConsoleMember member, HttpServletRequest page) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("start_date", LocalDate.now().toString());
        defaults.put("calling_start", "09:00");
        defaults.put("calling_end", "18:00");
        defaults.put("timezone", "Europe/London");
        defaults.put("days", DAYS);
        defaults.put("max_attempts", 3);
        defaults.put("delay_minutes", 60);
        defaults.put("retry_on", List.of("no_answer", "busy", "failed"));
        defaults.put("concurrent_calls", 5);
        return listView(member, page, Map.of("form", ApiObject.map(defaults)));
    }

    @PostMapping
    ModelAndView create(@AuthenticationPrincipal ConsoleMember member, HttpServletRequest page) {
        ApiReply created = api.post(member, page, body(page), "/v1/campaigns");
        if (!created.ok()) {
            return Pages.refused(listView(member, page, Map.of("form", ApiObject.map(formValues(page)))), created);
        }
        return new ModelAndView("redirect:/console/campaigns/" + created.map().get("id"));
    }

    @GetMapping("/{id}")
    ModelAndView campaign(@AuthenticationPrincipal ConsoleMember member, HttpServletRequest page, @PathVariable String id) {
        return campaignView(member, page, id, Map.of());
    }

    @PostMapping("/{id}/{action}")
    ModelAndView act(@AuthenticationPrincipal ConsoleMember member, HttpServletRequest page, @PathVariable String id,
                     @PathVariable String action) {
        if (!ACTIONS.contains(action)) {
            throw new PageNotFound();
        }
        ApiReply done = api.post(member, page, Map.of(), "/v1/campaigns/{id}/" + action, id);
        if (done.status() == 404) {
            Pages.require(done);
        }
        boolean htmx = page.getHeader("HX-Request") != null;
        if (htmx) { // the page stays; its stream shows the new status, a refusal is swapped into the page
            ModelAndView answer = done.ok() ? new ModelAndView("console/layout :: nothing")
                    : new ModelAndView("console/layout :: problem", Map.of("errors", done.fieldErrors()));
            answer.setStatus(done.ok() ? org.springframework.http.HttpStatus.OK : org.springframework.http.HttpStatus.valueOf(done.status()));
            return answer;
        }
        if (!done.ok()) {
            return Pages.refused(campaignView(member, page, id, Map.of()), done);
        }
        return new ModelAndView("redirect:/console/campaigns/" + id);
    }

    @GetMapping("/{id}/stream")
    SseEmitter stream(@AuthenticationPrincipal ConsoleMember member, @PathVariable String id) {
        return api.campaignStream(member, id);
    }

    private ModelAndView listView(ConsoleMember member, HttpServletRequest page, Map<String, Object> extra) {
        Map<String, Object> model = new HashMap<>(extra);
        model.put("campaigns", Pages.require(api.get(member, page, "/v1/campaigns?limit=100")).data());
        model.put("agents", Pages.require(api.get(member, page, "/v1/agents?limit=100")).data());
        model.put("lists", Pages.require(api.get(member, page, "/v1/contact_lists?limit=100")).data());
        model.put("days", DAYS);
        model.put("retryOutcomes", RETRY_OUTCOMES);
        return Pages.page("console/campaigns", model);
    }

    private ModelAndView campaignView(ConsoleMember member, HttpServletRequest page, String id, Map<String, Object> extra) {
        Map<String, Object> model = new HashMap<>(extra);
        model.put("campaign", Pages.require(api.get(member, page, "/v1/campaigns/{id}", id)).map());
        model.put("calls", Pages.require(api.get(member, page, "/v1/calls?limit=50&campaign_id={id}", id)).data());
        return Pages.page("console/campaign", model);
    }

    /** The form as the API's JSON (API.md §1's example plus §3's and §6's fields). */
    private static Map<String, Object> body(HttpServletRequest page) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", Forms.text(page, "name"));
        body.put("agent_id", Forms.text(page, "agent_id"));
        body.put("contact_list_id", Forms.text(page, "contact_list_id"));
        Map<String, Object> schedule = new LinkedHashMap<>();
        Forms.put(schedule, "start_date", Forms.text(page, "start_date"));
        Forms.put(schedule, "end_date", Forms.text(page, "end_date"));
        schedule.put("calling_hours", Map.of("start", String.valueOf(Forms.text(page, "calling_start")),
                "end", String.valueOf(Forms.text(page, "calling_end"))));
        schedule.put("timezone", Forms.text(page, "timezone"));
        schedule.put("days", Forms.values(page, "days"));
        body.put("schedule", schedule);
        Map<String, Object> retry = new LinkedHashMap<>();
        Forms.put(retry, "max_attempts", Forms.number(page, "max_attempts"));
        Forms.put(retry, "delay_minutes", Forms.number(page, "delay_minutes"));
        retry.put("retry_on", Forms.values(page, "retry_on"));
        body.put("retry_rules", retry);
        Forms.put(body, "concurrent_calls", Forms.number(page, "concurrent_calls"));
        Forms.put(body, "from_number", Forms.text(page, "from_number"));
        if (Forms.checked(page, "test_mode")) {
            body.put("test_mode", true);
        }
        return body;
    }

    /** What the member typed, to show the form again beside the API's messages. */
    private static Map<String, Object> formValues(HttpServletRequest page) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String field : List.of("name", "agent_id", "contact_list_id", "start_date", "end_date", "calling_start",
                "calling_end", "timezone", "max_attempts", "delay_minutes", "concurrent_calls", "from_number")) {
            values.put(field, page.getParameter(field));
        }
        values.put("days", Forms.values(page, "days"));
        values.put("retry_on", Forms.values(page, "retry_on"));
        values.put("test_mode", Forms.checked(page, "test_mode"));
        return values;
    }
}
