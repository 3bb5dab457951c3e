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
import org.springframework.web.util.UriComponentsBuilder;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Contacts and their lists ({@code /v1/contacts}, {@code /v1/contact_lists}) and CSV imports
 * ({@code /v1/contacts/import}): the upload is passed to the API as it came, and the import's
 * page polls its progress (htmx) until the job is done, then shows the row errors.
 */
@Controller
@RequestMapping("/console/contacts")
class ContactsPage {

    static final List<String> STATUSES = List.of("new", "in_campaign", "reached", "unreachable", "opted_out");

    private final AccountApi api;

    ContactsPage(AccountApi api) {
        this.api = api;
    }

    @GetMapping
    ModelAndView list(@AuthenticationPrincipal ConsoleMember member, HttpServletRequest page) {
        return listView(member, page, Map.of());
    }

    @PostMapping
    ModelAndView create(@AuthenticationPrincipal ConsoleMember member, HttpServletRequest page) {
        Map<String, Object> body = body(page);
        ApiReply created = api.post(member, page, body, "/v1/contacts");
        if (!created.ok()) {
            return Pages.refused(listView(member, page, Map.of("form", ApiObject.map(body))), created);
        }
        return new ModelAndView("redirect:/console/contacts?saved=" + created.map().get("id"));
    }

    @GetMapping("/{id}")
    ModelAndView edit(@AuthenticationPrincipal ConsoleMember member, HttpServletRequest page, @PathVariable String id) {
        return editView(member, page, id, Pages.require(api.get(member, page, "/v1/contacts/{id}", id)).map());
    }

    @PostMapping("/{id}")
    ModelAndView update(@AuthenticationPrincipal ConsoleMember member, HttpServletRequest page, @PathVariable String id) {
        Map<String, Object> body = body(page);
        body.putIfAbsent("do_not_call", false);
        ApiReply updated = api.patch(member, page, body, "/v1/contacts/{id}", id);
        if (updated.status() == 404) {
            Pages.require(updated);
        }
        if (!updated.ok()) {
            return Pages.refused(editView(member, page, id, ApiObject.map(body)), updated);
        }
        return new ModelAndView("redirect:/console/contacts?saved=" + id);
    }

    @PostMapping("/{id}/delete")
    ModelAndView delete(@AuthenticationPrincipal ConsoleMember member, HttpServletRequest page, @PathVariable String id) {
        Pages.require(api.delete(member, page, "/v1/contacts/{id}", id));
        return new ModelAndView("redirect:/console/contacts?deleted=" + id);
    }

    @PostMapping("/lists")
    ModelAndView createList(@AuthenticationPrincipal ConsoleMember member, HttpServletRequest page) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", Forms.text(page, "name"));
        ApiReply created = api.post(member, page, body, "/v1/contact_lists");
        if (!created.ok()) {
            return Pages.refused(listView(member, page, Map.of()), created);
        }
        return new ModelAndView("redirect:/console/contacts?list_id=" + created.map().get("id"));
    }

    @PostMapping("/import")
    ModelAndView startImport(@AuthenticationPrincipal ConsoleMember member, HttpServletRequest page) {
        ApiReply started = api.upload(member, page, "/v1/contacts/import");
        if (!started.ok()) {
            ModelAndView view = listView(member, page, Map.of());
            view.addObject("importErrors", started.fieldErrors());
            view.setStatus(org.springframework.http.HttpStatus.valueOf(started.status()));
            return view;
        }
        return new ModelAndView("redirect:/console/contacts/imports/" + started.map().get("id"));
    }

    @GetMapping("/imports/{id}")
    ModelAndView importPage(@AuthenticationPrincipal ConsoleMember member, HttpServletRequest page, @PathVariable String id) {
        return importView("console/import", member, page, id);
    }

    /** The progress fragment the import page polls; once the job is done it stops polling. */
    @GetMapping("/imports/{id}/progress")
    ModelAndView importProgress(@AuthenticationPrincipal ConsoleMember member, HttpServletRequest page, @PathVariable String id) {
        return importView("console/import :: progress", member, page, id);
    }

    private ModelAndView importView(String view, ConsoleMember member, HttpServletRequest page, String id) {
        Map<String, Object> job = Pages.require(api.get(member, page, "/v1/contacts/imports/{id}", id)).map();
        boolean done = !List.of("pending", "processing").contains(String.valueOf(job.get("status")));
        Map<String, Object> model = new HashMap<>();
        model.put("job", job);
        model.put("done", done);
        model.put("rowErrors", done ? Pages.require(api.get(member, page, "/v1/contacts/imports/{id}/errors?limit=100", id)).data()
                : List.of());
        return Pages.page(view, model);
    }

    private ModelAndView listView(ConsoleMember member, HttpServletRequest page, Map<String, Object> extra) {
        Map<String, Object> filters = new LinkedHashMap<>();
        if ("GET".equals(page.getMethod())) { // a refused form's fields are not filters
            for (String name : List.of("list_id", "status", "phone_number")) {
                Forms.put(filters, name, Forms.text(page, name));
            }
            if (Forms.checked(page, "do_not_call")) {
                filters.put("do_not_call", "true");
            }
        }
        UriComponentsBuilder query = UriComponentsBuilder.fromPath("/v1/contacts").queryParam("limit", 100);
        filters.forEach(query::queryParam);
        Map<String, Object> model = new HashMap<>(extra);
        ApiReply contacts = api.get(member, page, query.build().toUriString());
        if (contacts.ok()) {
            model.put("contacts", contacts.data());
        } else {
            model.put("contacts", List.of());
            model.put("filterErrors", contacts.fieldErrors());
        }
        model.put("lists", Pages.require(api.get(member, page, "/v1/contact_lists?limit=100")).data());
        model.put("filters", ApiObject.map(filters));
        model.put("statuses", STATUSES);
        return Pages.page("console/contacts", model);
    }

    private ModelAndView editView(ConsoleMember member, HttpServletRequest page, String id, Map<String, Object> contact) {
        Map<String, Object> model = new HashMap<>();
        model.put("id", id);
        model.put("contact", contact);
        model.put("lists", Pages.require(api.get(member, page, "/v1/contact_lists?limit=100")).data());
        StringBuilder lines = new StringBuilder();
        if (contact.get("metadata") instanceof Map<?, ?> m) {
            m.forEach((k, v) -> lines.append(k).append('=').append(v).append('\n'));
        }
        model.put("metadataLines", lines.toString());
        return Pages.page("console/contact", model);
    }

    private static Map<String, Object> body(HttpServletRequest page) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("phone_number", Forms.text(page, "phone_number"));
        for (String field : List.of("first_name", "last_name", "email", "timezone")) {
            Forms.put(body, field, Forms.text(page, field));
        }
        List<String> listIds = Forms.values(page, "list_ids").stream().filter(v -> !v.isBlank()).toList();
        if (!listIds.isEmpty()) {
            body.put("list_ids", listIds);
        }
        if (Forms.checked(page, "do_not_call")) {
            body.put("do_not_call", true);
        }
        Map<String, String> metadata = Forms.lines(page, "metadata");
        if (!metadata.isEmpty()) {
            body.put("metadata", metadata);
        }
        return body;
    }
}
