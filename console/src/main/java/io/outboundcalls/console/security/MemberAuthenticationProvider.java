package io.outboundcalls.console.security;

import io.outboundcalls.console.member.MemberRegistry;
import io.outboundcalls.console.member.MemberRegistry.MemberRecord;
import io.outboundcalls.console.member.Members;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.List;
import java.util.Optional;

/**
 * Email and password against {@link MemberRegistry}. An unknown email costs the same hash
 * comparison as a wrong password and counts as a failure too, so neither timing nor the lock
 * tells whether an address is a member. Not a bean: Spring Security would also install a lone
 * provider bean in its global manager, the console chain's parent, and count every failure twice.
 */
class MemberAuthenticationProvider implements AuthenticationProvider {

    static final SimpleGrantedAuthority MEMBER = new SimpleGrantedAuthority("ROLE_MEMBER");

    private final MemberRegistry registry;
    private final PasswordEncoder encoder;
    private final SignInLocks locks;
    private final String unknownMemberHash;

    MemberAuthenticationProvider(MemberRegistry registry, PasswordEncoder consolePasswordEncoder, SignInLocks locks) {
        this.registry = registry;
        this.encoder = consolePasswordEncoder;
        this.locks = locks;
        this.unknownMemberHash = consolePasswordEncoder.encode(Members.randomToken());
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String email = Members.normalise(String.valueOf(authentication.getPrincipal()));
        String password = String.valueOf(authentication.getCredentials());
        if (locks.isLocked(email)) {
            throw new LockedException("Too many failed sign-ins: this account is locked for a while");
        }
        Optional<MemberRecord> member = registry.findByEmail(email).filter(m -> m.passwordHash() != null);
        boolean matches = encoder.matches(password, member.map(MemberRecord::passwordHash).orElse(unknownMemberHash));
        if (member.isEmpty() || !matches) {
            locks.recordFailure(email);
            throw new BadCredentialsException("Wrong email or password");
        }
        locks.clear(email);
        MemberRecord m = member.get();
        return UsernamePasswordAuthenticationToken.authenticated(new ConsoleMember(m.memberId(), m.accountId(), m.email()),
                null, List.of(MEMBER));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
