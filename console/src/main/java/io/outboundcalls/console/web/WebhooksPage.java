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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Settings > Webhooks: {@code /v1/webhook_endpoints}. The signing secret is on the answers to
 * creation and to rolling only, so the page shows it then and never again.
 */
@Controller
@RequestMapping("/console/settings/webhooks")
class WebhooksPage {

    /** The event types of API.md §1, "*" for all of them (also types added later). */
    static final List<String> EVENT_TYPES = List.of("call.started", "call.completed", "call.failed",
            "campaign.completed", "contact.updated", "credits.low");

    private final AccountApi api;

    WebhooksPage(AccountApi api) {
        this.api = api;
    }

    @GetMapping
    ModelAndView list(@AuthenticationPrincipal ConsoleMember member, HttpServletRequest page) {
        return listView(member, page, Map.of());
    }

    @PostMapping
    ModelAndView create(@AuthenticationPrincipal ConsoleMember member, HttpServletRequest page,
                        @RequestParam(required = false) String url, @RequestParam(required = false) String description,
                        @RequestParam(name = "enabled_events", required = false) List<String> events) {
        Map<String, Object> body = new HashMap<>();
        body.put("url", Pages.blankToNull(url));
        body.put("description", Pages.blankToNull(description));
        body.put("enabled_events", events == null || events.isEmpty() ? List.of("*") : events);
        ApiReply created = api.post(member, page, body, "/v1/webhook_endpoints");
        if (!created.ok()) {
            return Pages.refused(listView(member, page, Map.of("form", ApiObject.map(body))), created);
        }
        return endpointView(member, page, String.valueOf(created.map().get("id")), Map.of("secret", created.map().get("secret")));
    }

    @GetMapping("/{id}")
    ModelAndView endpoint(@AuthenticationPrincipal ConsoleMember member, HttpServletRequest page, @PathVariable String id) {
        return endpointView(member, page, id, Map.of());
    }

    @PostMapping("/{id}/roll-secret")
    ModelAndView rollSecret(@AuthenticationPrincipal ConsoleMember member, HttpServletRequest page, @PathVariable String id) {
        Map<String, Object> rolled = Pages.require(api.post(member, page, Map.of(), "/v1/webhook_endpoints/{id}/roll_secret", id)).map();
        return endpointView(member, page, id, Map.of("secret", rolled.get("secret"), "rolled", true));
    }

    @PostMapping("/{id}/status")
    ModelAndView status(@AuthenticationPrincipal ConsoleMember member, HttpServletRequest page, @PathVariable String id,
                        @RequestParam String status) {
        ApiReply changed = api.patch(member, page, Map.of("status", status), "/v1/webhook_endpoints/{id}", id);
        if (!changed.ok()) {
            return Pages.refused(endpointView(member, page, id, Map.of()), changed);
        }
        return new ModelAndView("redirect:/console/settings/webhooks/" + id);
    }

    @PostMapping("/{id}/delete")
    ModelAndView delete(@AuthenticationPrincipal ConsoleMember member, HttpServletRequest page, @PathVariable String id) {
        Pages.require(api.delete(member, page, "/v1/webhook_endpoints/{id}", id));
        return new ModelAndView("redirect:/console/settings/webhooks?deleted=" + id);
    }

    @PostMapping("/{id}/deliveries/{deliveryId}/resend")
    ModelAndView resend(@AuthenticationPrincipal ConsoleMember member, HttpServletRequest page, @PathVariable String id,
                        @PathVariable String deliveryId) {
        ApiReply resent = api.post(member, page, Map.of(), "/v1/webhook_endpoints/{id}/deliveries/{d}/resend", id, deliveryId);
        if (!resent.ok()) {
            return Pages.refused(endpointView(member, page, id, Map.of()), resent);
        }
        return new ModelAndView("redirect:/console/settings/webhooks/" + id + "?resent=" + deliveryId);
    }

    private ModelAndView listView(ConsoleMember member, HttpServletRequest page, Map<String, Object> extra) {
        Map<String, Object> model = new HashMap<>(extra);
        model.put("endpoints", Pages.require(api.get(member, page, "/v1/webhook_endpoints?limit=100")).data());
        model.put("eventTypes", EVENT_TYPES);
        return Pages.page("console/webhooks", model);
    }

    private ModelAndView endpointView(ConsoleMember member, HttpServletRequest page, String id, Map<String, Object> extra) {
        Map<String, Object> model = new HashMap<>(extra);
        model.put("endpoint", Pages.require(api.get(member, page, "/v1/webhook_endpoints/{id}", id)).map());
        model.put("deliveries", Pages.require(api.get(member, page, "/v1/webhook_endpoints/{id}/deliveries?limit=50", id)).data());
        return Pages.page("console/webhook", model);
    }
}
