package io.outboundcalls.console.web;

import io.outboundcalls.console.security.ConsoleMember;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every console page knows who is signed in (the header shows it beside "Sign out"). */
@ControllerAdvice(basePackageClasses = MemberModel.class)
class MemberModel {

    @ModelAttribute("member")
    ConsoleMember member(@AuthenticationPrincipal ConsoleMember member) {
        return member;
    }
}
