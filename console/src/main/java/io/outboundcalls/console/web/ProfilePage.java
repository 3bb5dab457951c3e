package io.outboundcalls.console.web;

import io.outboundcalls.command.common.CommandRejectedException;
import io.outboundcalls.console.member.MemberRegistry;
import io.outboundcalls.console.member.Members;
import io.outboundcalls.console.security.ConsoleMember;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Settings > Profile: the member's time zone. Members are the console's own (no {@code /v1}
 * route), so this page sends their command through {@link Members}, as sign-in does.
 */
@Controller
@RequestMapping("/console/settings/profile")
class ProfilePage {

    /** The suggestions of the zone field: the IANA database's regions, sorted. */
    static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream().filter(z -> z.contains("/") || z.equals("UTC"))
            .sorted().toList();

    private final Members members;
    private final MemberRegistry registry;

    ProfilePage(Members members, MemberRegistry registry) {
        this.members = members;
        this.registry = registry;
    }

    @GetMapping
    ModelAndView profile(@AuthenticationPrincipal ConsoleMember member) {
        String zone = registry.find(member.memberId()).map(MemberRegistry.MemberRecord::timeZone).orElse(null);
        return view(Map.of("time_zone", zone == null ? "" : zone));
    }

    @PostMapping
    ModelAndView save(@AuthenticationPrincipal ConsoleMember member, @RequestParam(name = "time_zone", required = false) String zone) {
        try {
            members.changeTimeZone(member.memberId(), zone);
            return new ModelAndView("redirect:/console/settings/profile?saved");
        } catch (CommandRejectedException e) {
            ModelAndView page = view(Map.of("time_zone", zone == null ? "" : zone,
                    "errors", Map.of(e.param() == null ? "" : e.param(), e.getMessage())));
            page.setStatus(HttpStatus.UNPROCESSABLE_ENTITY);
            return page;
        }
    }

    private static ModelAndView view(Map<String, Object> extra) {
        Map<String, Object> model = new HashMap<>(extra);
        model.put("zones", ZONES);
        return Pages.page("console/profile", model);
    }
}
