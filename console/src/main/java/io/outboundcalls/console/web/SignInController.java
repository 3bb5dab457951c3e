package io.outboundcalls.console.web;

import io.outboundcalls.command.common.CommandRejectedException;
import io.outboundcalls.console.member.Members;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import java.util.Map;

/** The sign-in page (Spring Security processes its form) and the one-time set-password link. */
@Controller
class SignInController {

    private final Members members;

    SignInController(Members members) {
        this.members = members;
    }

    @GetMapping("/console/sign-in")
    String signIn() {
        return "console/sign-in";
    }

    @GetMapping("/console/set-password")
    String setPasswordForm(@RequestParam(required = false) String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("usable", members.isTokenUsable(token));
        model.addAttribute("minLength", Members.MIN_PASSWORD_LENGTH);
        return "console/set-password";
    }

    @PostMapping("/console/set-password")
    ModelAndView setPassword(@RequestParam(required = false) String token, @RequestParam(required = false) String password) {
        try {
            members.setPassword(token, password);
            return new ModelAndView("redirect:/console/sign-in?password-set");
        } catch (CommandRejectedException e) {
            ModelAndView page = new ModelAndView("console/set-password", Map.of("token", token == null ? "" : token,
                    "usable", members.isTokenUsable(token), "minLength", Members.MIN_PASSWORD_LENGTH,
                    "errors", Map.of(e.param() == null ? "" : e.param(), e.getMessage())));
            page.setStatus(HttpStatus.UNPROCESSABLE_ENTITY);
            return page;
        }
    }
}
