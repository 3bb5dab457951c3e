package io.outboundcalls.console.web;

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
import java.util.Map;

/** Settings > API Keys: {@code /v1/api_keys}. A new key's secret is on the answer to its creation only. */
@Controller
@RequestMapping("/console/settings/api-keys")
class ApiKeysPage {

    private static final String VIEW = "console/api-keys";

    private final AccountApi api;

    ApiKeysPage(AccountApi api) {
        this.api = api;
    }

    @GetMapping
    ModelAndView list(@AuthenticationPrincipal ConsoleMember member, HttpServletRequest page) {
        return view(member, page, Map.of());
    }

    @PostMapping
    ModelAndView create(@AuthenticationPrincipal ConsoleMember member, HttpServletRequest page,
                        @RequestParam(required = false) String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", Pages.blankToNull(name));
        ApiReply created = api.post(member, page, body, "/v1/api_keys");
        if (!created.ok()) {
            return Pages.refused(view(member, page, Map.of("name", name == null ? "" : name)), created);
        }
        return view(member, page, Map.of("created", created.map()));
    }

    @PostMapping("/{id}/revoke")
    ModelAndView revoke(@AuthenticationPrincipal ConsoleMember member, HttpServletRequest page, @PathVariable String id) {
        Pages.require(api.delete(member, page, "/v1/api_keys/{id}", id));
        return new ModelAndView("redirect:/console/settings/api-keys?revoked=" + id);
    }

    private ModelAndView view(ConsoleMember member, HttpServletRequest page, Map<String, Object> extra) {
        Map<String, Object> model = new HashMap<>(extra);
        model.put("keys", Pages.require(api.get(member, page, "/v1/api_keys?limit=100")).data());
        return Pages.page(VIEW, model);
    }
}
