package io.outboundcalls.console.web;

import io.outboundcalls.console.api.ApiReply;
import io.outboundcalls.console.security.ConsoleMember;
import jakarta.servlet.http.HttpServletRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads consecutive pages of an API list (newest first) up to a bound, for charts. */
final class CallPages {

    private CallPages() {
    }

    static List<Map<String, Object>> collect(AccountApi api, ConsoleMember member, HttpServletRequest page,
                                             String firstPage, int max) {
        List<Map<String, Object>> all = new ArrayList<>();
        String next = firstPage;
        while (next != null && all.size() < max) {
            ApiReply reply = Pages.require(api.get(member, page, next));
            List<Map<String, Object>> data = reply.data();
            all.addAll(data);
            boolean more = Boolean.TRUE.equals(reply.map().get("has_more")) && !data.isEmpty();
            next = more ? firstPage + "&starting_after=" + data.get(data.size() - 1).get("id") : null;
        }
        return all;
    }
}
