package io.outboundcalls.app.admin;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.outboundcalls.app.web.ApiException;
import io.outboundcalls.app.web.JsonBodies;
import io.outboundcalls.app.web.JsonFields;
import io.outboundcalls.command.account.AccountRegistry;
import io.outboundcalls.console.member.Members;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.time.Instant;

/**
 * {@code POST /admin/accounts/:id/members}: a person who may sign in to the console. The answer
 * carries the one-time set-password link (shown once: only its hash is stored).
 */
@RestController
@RequestMapping("/admin/accounts/{accountId}/members")
class AdminMemberController {

    private final Members members;
    private final AccountRegistry registry;
    private final JsonBodies bodies;

    AdminMemberController(Members members, AccountRegistry registry, JsonBodies bodies) {
        this.members = members;
        this.registry = registry;
        this.bodies = bodies;
    }

    @JsonPropertyOrder({"id", "object"})
    record MemberResponse(String id, String object, String accountId, String email, String setPasswordUrl,
                          Instant setPasswordExpiresAt) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    MemberResponse create(@PathVariable String accountId, HttpServletRequest request) {
        JsonFields f = bodies.read(request);
        String email = f.requiredString("email", 254);
        f.throwIfInvalid();
        if (registry.findAccount(accountId).isEmpty()) {
            throw ApiException.notFound("account", accountId);
        }
        Members.Invitation invitation = members.invite(accountId, email);
        String link = ServletUriComponentsBuilder.fromCurrentContextPath().path(Members.SET_PASSWORD_PATH)
                .queryParam("token", invitation.token()).toUriString();
        return new MemberResponse(invitation.memberId(), "member", accountId, invitation.email(), link,
                invitation.expiresAt());
    }
}
