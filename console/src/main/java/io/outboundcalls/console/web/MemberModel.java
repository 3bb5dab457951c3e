package io.outboundcalls.console.web;

import io.outboundcalls.console.member.MemberRegistry;
import io.outboundcalls.console.security.ConsoleMember;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Every console page knows who is signed in (the header shows it beside "Sign out") and the zone
 * its times are shown in, read fresh so a change in Settings > Profile shows on the next page.
 */
@ControllerAdvice(basePackageClasses = MemberModel.class)
class MemberModel {

    private final MemberRegistry registry;

    MemberModel(MemberRegistry registry) {
        this.registry = registry;
    }

    @ModelAttribute("member")
    ConsoleMember member(@AuthenticationPrincipal ConsoleMember member) {
        return member;
    }

    @ModelAttribute("times")
    MemberTimes times(@AuthenticationPrincipal ConsoleMember member) {
        return member == null ? MemberTimes.UTC : times(registry, member);
    }

    static MemberTimes times(MemberRegistry registry, ConsoleMember member) {
        return registry.find(member.memberId()).map(m -> MemberTimes.of(m.timeZone())).orElse(MemberTimes.UTC);
    }
}
