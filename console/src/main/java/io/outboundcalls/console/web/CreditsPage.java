package io.outboundcalls.console.web;

import io.outboundcalls.console.api.ApiReply;
import io.outboundcalls.console.security.ConsoleMember;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Credits ({@code /v1/credits/*}): balance, usage by day / campaign / agent, the ledger, and a
 * purchase (the API refuses it with {@code purchases_disabled} when no provider is configured).
 */
@Controller
@RequestMapping("/console/credits")
class CreditsPage {

    static final int USAGE_DAYS = 30;

    private final AccountApi api;

    CreditsPage(AccountApi api) {
        this.api = api;
    }

    @GetMapping
    ModelAndView credits(@AuthenticationPrincipal ConsoleMember member, HttpServletRequest page) {
        return view(member, page, Map.of());
    }

    @PostMapping("/purchase")
    ModelAndView purchase(@AuthenticationPrincipal ConsoleMember member, HttpServletRequest page) {
        Map<String, Object> body = new HashMap<>();
        body.put("amount", Forms.number(page, "amount"));
        ApiReply bought = api.post(member, page, body, "/v1/credits/purchase");
        if (!bought.ok()) {
            return Pages.refused(view(member, page, Map.of()), bought);
        }
        return new ModelAndView("redirect:/console/credits?bought=" + bought.map().get("id"));
    }

    private ModelAndView view(ConsoleMember member, HttpServletRequest page, Map<String, Object> extra) {
        Instant firstDay = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(USAGE_DAYS - 1, ChronoUnit.DAYS);
        String range = "start=" + firstDay + "&end=" + Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS);
        Map<String, Object> model = new HashMap<>(extra);
        model.put("balance", Pages.require(api.get(member, page, "/v1/credits/balance")).map());
        Map<String, Object> byDay = Pages.require(api.get(member, page, "/v1/credits/usage?group_by=day&" + range)).map();
        model.put("usage", byDay);
        model.put("usageChart", chart(byDay));
        model.put("byCampaign", Pages.require(api.get(member, page, "/v1/credits/usage?group_by=campaign&" + range)).data());
        model.put("byAgent", Pages.require(api.get(member, page, "/v1/credits/usage?group_by=agent&" + range)).data());
        model.put("ledger", Pages.require(api.get(member, page, "/v1/credits/transactions?limit=50")).data());
        return Pages.page("console/credits", model);
    }

    /** Credits and calls per day from the usage answer's rows ({@code date}, {@code credits}, {@code calls}). */
    @SuppressWarnings("unchecked")
    private static String chart(Map<String, Object> usage) {
        List<Map<String, Object>> rows = usage.get("data") instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
        List<Long> x = new ArrayList<>();
        long[] credits = new long[rows.size()];
        long[] calls = new long[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> row = rows.get(i);
            Object day = row.get("date") != null ? row.get("date") : row.get("day");
            x.add(day == null ? 0L : java.time.LocalDate.parse(day.toString().substring(0, 10)).atStartOfDay(java.time.ZoneOffset.UTC)
                    .toEpochSecond());
            credits[i] = number(row.get("credits"));
            calls[i] = number(row.get("calls"));
        }
        Map<String, long[]> series = new LinkedHashMap<>();
        series.put("credits", credits);
        series.put("calls", calls);
        return Charts.write(x, series);
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }
}
