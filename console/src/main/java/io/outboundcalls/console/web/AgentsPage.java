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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Agents: {@code /v1/agents} with every field, voicemail and analysis included. */
@Controller
@RequestMapping("/console/agents")
class AgentsPage {

    /** Rows of analysis fields the form offers; an agent with more shows them all plus two empty rows. */
    static final int ANALYSIS_ROWS = 3;

    private final AccountApi api;

    AgentsPage(AccountApi api) {
        this.api = api;
    }

    @GetMapping
    ModelAndView list(@AuthenticationPrincipal ConsoleMember member, HttpServletRequest page) {
        return Pages.page("console/agents", Map.of("agents",
                Pages.require(api.get(member, page, "/v1/agents?limit=100")).data()));
    }

    @GetMapping("/new")
    ModelAndView newAgent() {
        return form(null, Map.of("language", "en-US", "max_duration_seconds", 600));
    }

    @PostMapping("/new")
    ModelAndView create(@AuthenticationPrincipal ConsoleMember member, HttpServletRequest page) {
        Map<String, Object> body = body(page);
        ApiReply created = api.post(member, page, body, "/v1/agents");
        if (!created.ok()) {
            return Pages.refused(form(null, body), created);
        }
        return new ModelAndView("redirect:/console/agents?saved=" + created.map().get("id"));
    }

    @GetMapping("/{id}")
    ModelAndView edit(@AuthenticationPrincipal ConsoleMember member, HttpServletRequest page, @PathVariable String id) {
        return form(id, Pages.require(api.get(member, page, "/v1/agents/{id}", id)).map());
    }

    @PostMapping("/{id}")
    ModelAndView update(@AuthenticationPrincipal ConsoleMember member, HttpServletRequest page, @PathVariable String id) {
        Map<String, Object> body = body(page);
        ApiReply updated = api.patch(member, page, body, "/v1/agents/{id}", id);
        if (updated.status() == 404) {
            Pages.require(updated);
        }
        if (!updated.ok()) {
            return Pages.refused(form(id, body), updated);
        }
        return new ModelAndView("redirect:/console/agents?saved=" + id);
    }

    @PostMapping("/{id}/delete")
    ModelAndView delete(@AuthenticationPrincipal ConsoleMember member, HttpServletRequest page, @PathVariable String id) {
        ApiReply deleted = api.delete(member, page, "/v1/agents/{id}", id);
        if (!deleted.ok() && deleted.status() != 404) {
            return Pages.refused(form(id, Pages.require(api.get(member, page, "/v1/agents/{id}", id)).map()), deleted);
        }
        Pages.require(deleted);
        return new ModelAndView("redirect:/console/agents?deleted=" + id);
    }

    /** The form as the API's JSON; blank optional fields are left out so the API's defaults apply. */
    private static Map<String, Object> body(HttpServletRequest page) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", Forms.text(page, "name"));
        body.put("prompt", Forms.text(page, "prompt"));
        Forms.put(body, "first_message", Forms.text(page, "first_message"));
        Forms.put(body, "voice", Forms.text(page, "voice"));
        Forms.put(body, "language", Forms.text(page, "language"));
        Forms.put(body, "max_duration_seconds", Forms.number(page, "max_duration_seconds"));
        Forms.put(body, "transfer_number", Forms.text(page, "transfer_number"));
        String action = Forms.text(page, "voicemail_action");
        if (action != null) {
            Map<String, Object> voicemail = new LinkedHashMap<>();
            voicemail.put("action", action);
            Forms.put(voicemail, "message", Forms.text(page, "voicemail_message"));
            body.put("voicemail", voicemail);
        }
        List<Map<String, Object>> fields = analysisFields(page);
        if (Forms.checked(page, "analysis_summary") || !fields.isEmpty()) {
            body.put("analysis", Map.of("summary", Forms.checked(page, "analysis_summary"), "fields", fields));
        }
        Map<String, String> metadata = Forms.lines(page, "metadata");
        if (!metadata.isEmpty()) {
            body.put("metadata", metadata);
        }
        return body;
    }

    private static List<Map<String, Object>> analysisFields(HttpServletRequest page) {
        List<String> names = Forms.values(page, "field_name");
        List<String> types = Forms.values(page, "field_type");
        List<String> descriptions = Forms.values(page, "field_description");
        List<String> options = Forms.values(page, "field_options");
        List<Map<String, Object>> fields = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).isBlank()) {
                continue;
            }
            Map<String, Object> field = new LinkedHashMap<>();
            field.put("name", names.get(i).trim());
            field.put("type", i < types.size() ? types.get(i) : "string");
            String description = i < descriptions.size() ? Pages.blankToNull(descriptions.get(i)) : null;
            Forms.put(field, "description", description);
            List<String> optionList = i < options.size() ? Forms.commaList(options.get(i)) : List.of();
            if (!optionList.isEmpty()) {
                field.put("options", optionList);
            }
            fields.add(field);
        }
        return fields;
    }

    @SuppressWarnings("unchecked")
    private static ModelAndView form(String id, Map<String, Object> agent) {
        Map<String, Object> model = new HashMap<>();
        model.put("id", id);
        model.put("agent", ApiObject.map(agent));
        Object analysis = agent.get("analysis");
        List<Object> fields = new ArrayList<>(analysis instanceof Map<?, ?> a && a.get("fields") instanceof List<?> l
                ? (List<Object>) l : List.of());
        int rows = Math.max(ANALYSIS_ROWS, fields.size() + 2);
        while (fields.size() < rows) {
            fields.add(Map.of());
        }
        model.put("analysisFields", ApiObject.of(fields));
        model.put("analysisSummary", analysis instanceof Map<?, ?> a && Boolean.TRUE.equals(a.get("summary")));
        Object metadata = agent.get("metadata");
        StringBuilder lines = new StringBuilder();
        if (metadata instanceof Map<?, ?> m) {
            m.forEach((k, v) -> lines.append(k).append('=').append(v).append('\n'));
        }
        model.put("metadataLines", lines.toString());
        return Pages.page("console/agent", model);
    }
}
