package io.outboundcalls.console.web;

import io.outboundcalls.console.api.ApiReply;
import io.outboundcalls.console.security.ConsoleMember;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code /console}: balance, running campaigns, calls today and a chart of calls per day by outcome. */
@Controller
class OverviewPage {

    /** Enough for the chart of a small account; the figure says "at least" beyond it. */
    static final int CHART_CALLS = 500;
    static final int CHART_DAYS = 14;

    private final AccountApi api;

    OverviewPage(AccountApi api) {
        this.api = api;
    }

    @GetMapping("/console")
    ModelAndView overview(@AuthenticationPrincipal ConsoleMember member, HttpServletRequest page) {
        Map<String, Object> model = new HashMap<>();
        model.put("balance", Pages.require(api.get(member, page, "/v1/credits/balance")).map());
        model.put("running", Pages.require(api.get(member, page, "/v1/campaigns?status=running&limit=100")).data());
        Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS);
        ApiReply callsToday = Pages.require(api.get(member, page, "/v1/calls?limit=100&created_gte={t}", today.toString()));
        model.put("callsToday", callsToday.data().size());
        model.put("callsTodayMore", Boolean.TRUE.equals(callsToday.map().get("has_more")));
        List<Map<String, Object>> recent = CallPages.collect(api, member, page,
                "/v1/calls?limit=100&created_gte=" + today.minus(CHART_DAYS - 1, ChronoUnit.DAYS), CHART_CALLS);
        model.put("chart", Charts.byDay(recent, "created_at", "outcome", today.minus(CHART_DAYS - 1, ChronoUnit.DAYS), CHART_DAYS));
        return Pages.page("console/overview", model);
    }
}
