package io.outboundcalls.console.web;

import io.outboundcalls.console.api.ApiReply;
import io.outboundcalls.console.member.MemberRegistry;
import io.outboundcalls.console.security.ConsoleMember;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code /console}: balance, running campaigns, calls today and a chart of calls per day by outcome. */
@Controller
class OverviewPage {

    /** Enough for the chart of a small account; the figure says "at least" beyond it. */
    static final int CHART_CALLS = 500;
    static final int CHART_DAYS = 14;
    /**
     * Each live row holds one of the browser's connections to this host (six over HTTP/1.1), and
     * the page must keep some for navigating and for htmx: more running campaigns show their
     * figures as of the page's load.
     */
    static final int LIVE_ROWS = 4;

    private final AccountApi api;
    private final MemberRegistry registry;

    OverviewPage(AccountApi api, MemberRegistry registry) {
        this.api = api;
        this.registry = registry;
    }

    @GetMapping("/console")
    ModelAndView overview(@AuthenticationPrincipal ConsoleMember member, HttpServletRequest page) {
        Map<String, Object> model = new HashMap<>();
        model.put("balance", Pages.require(api.get(member, page, "/v1/credits/balance")).map());
        model.put("running", Pages.require(api.get(member, page, "/v1/campaigns?status=running&limit=100")).data());
        model.put("liveRows", LIVE_ROWS);
        MemberTimes times = MemberModel.times(registry, member); // "today" and the chart's days are the member's
        LocalDate today = times.today();
        ApiReply callsToday = Pages.require(api.get(member, page, "/v1/calls?limit=100&created_gte={t}",
                times.startOf(today).toString()));
        model.put("callsToday", callsToday.data().size());
        model.put("callsTodayMore", Boolean.TRUE.equals(callsToday.map().get("has_more")));
        LocalDate firstDay = today.minusDays(CHART_DAYS - 1);
        List<Map<String, Object>> recent = CallPages.collect(api, member, page,
                "/v1/calls?limit=100&created_gte=" + times.startOf(firstDay), CHART_CALLS);
        model.put("chart", Charts.byDay(recent, "created_at", "outcome", firstDay, CHART_DAYS, times.zone()));
        return Pages.page("console/overview", model);
    }
}
