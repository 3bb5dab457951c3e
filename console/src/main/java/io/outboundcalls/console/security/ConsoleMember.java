package io.outboundcalls.console.security;

import org.springframework.security.core.AuthenticatedPrincipal;

import java.io.Serializable;

/**
 * The signed-in person, kept in the session (Spring Session serializes it into PostgreSQL). Its
 * name is the member id, which Spring Session indexes as the session's principal.
 */
public record ConsoleMember(String memberId, String accountId, String email) implements AuthenticatedPrincipal, Serializable {

    @Override
    public String getName() {
        return memberId;
    }
}
