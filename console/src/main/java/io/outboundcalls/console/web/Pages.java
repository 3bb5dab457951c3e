package io.outboundcalls.console.web;

import io.outboundcalls.console.api.ApiReply;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;

import java.util.Map;

/** Small helpers shared by the page controllers: how an API answer becomes a page. */
final class Pages {

    private Pages() {
    }

    /** The API's answer when it is a success; a 404 of the API (unknown or another account's id) is the page's 404. */
    static ApiReply require(ApiReply reply) {
        if (reply.status() == HttpStatus.NOT_FOUND.value()) {
            throw new PageNotFound();
        }
        if (!reply.ok()) {
            throw new IllegalStateException("The API answered " + reply.status() + ": " + new String(reply.body(),
                    java.nio.charset.StandardCharsets.UTF_8));
        }
        return reply;
    }

    /** The page again, with the API's messages beside their fields and the API's status (422, 409…). */
    static ModelAndView refused(ModelAndView page, ApiReply reply) {
        page.addObject("errors", reply.fieldErrors());
        page.setStatus(HttpStatus.valueOf(reply.status()));
        return page;
    }

    static ModelAndView page(String view, Map<String, ?> model) {
        return new ModelAndView(view, model);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
