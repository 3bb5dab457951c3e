package io.outboundcalls.console.member;

import io.outboundcalls.command.common.CommandRejectedException;
import io.outboundcalls.command.common.CommandRejectedException.Kind;
import io.outboundcalls.command.common.Ids;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Adding members and setting their passwords: the rules about emails, passwords and tokens that
 * come before the aggregate (the aggregate sees only hashes).
 */
@Component
public class Members {

    /** Long enough to read the mail on the next working day after a weekend. */
    public static final Duration TOKEN_VALIDITY = Duration.ofDays(3);
    /** NIST SP 800-63B asks for at least 8; a console that can spend money asks a little more. */
    public static final int MIN_PASSWORD_LENGTH = 10;
    /** BCrypt reads only the first 72 bytes: a longer password would silently be truncated. */
    public static final int MAX_PASSWORD_BYTES = 72;
    public static final String SET_PASSWORD_PATH = "/console/set-password";

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CommandGateway commands;
    private final MemberRegistry registry;
    private final PasswordEncoder encoder;
    private final Clock clock;

    Members(CommandGateway commands, MemberRegistry registry, PasswordEncoder consolePasswordEncoder, Clock clock) {
        this.commands = commands;
        this.registry = registry;
        this.encoder = consolePasswordEncoder;
        this.clock = clock;
    }

    /** A new member and the token of their one-time set-password link (shown once, stored hashed). */
    public record Invitation(String memberId, String accountId, String email, String token, Instant expiresAt) {
    }

    public Invitation invite(String accountId, String email) {
        String normalised = requireEmail(email);
        String token = "spw_" + randomToken();
        Instant expiresAt = clock.instant().plus(TOKEN_VALIDITY);
        String memberId = Ids.newId("mem");
        commands.sendAndWait(new CreateMemberCommand(memberId, accountId, normalised, sha256(token), expiresAt));
        return new Invitation(memberId, accountId, normalised, token, expiresAt);
    }

    /** The embedded development member: created with a password, no link to follow. */
    public String createWithPassword(String accountId, String email, String password) {
        String memberId = Ids.newId("mem");
        commands.sendAndWait(new CreateMemberCommand(memberId, accountId, requireEmail(email), null, null));
        commands.sendAndWait(new SetMemberPasswordCommand(memberId, null, encoder.encode(requirePassword(password)),
                clock.instant()));
        return memberId;
    }

    /** @return the member whose password is now set */
    public String setPassword(String token, String password) {
        String hash = token == null ? null : sha256(token);
        MemberRegistry.MemberRecord member = (hash == null ? java.util.Optional.<MemberRegistry.MemberRecord>empty()
                : registry.findByTokenHash(hash)).orElseThrow(Member::invalidToken);
        commands.sendAndWait(new SetMemberPasswordCommand(member.memberId(), hash, encoder.encode(requirePassword(password)),
                clock.instant()));
        return member.memberId();
    }

    /** The member's choice (Settings > Profile); an unknown zone is refused with {@code invalid_time_zone}. */
    public void changeTimeZone(String memberId, String timeZone) {
        commands.sendAndWait(new ChangeMemberTimeZoneCommand(memberId, timeZone == null ? null : timeZone.trim()));
    }

    /**
     * The browser's zone, sent with the sign-in form, becomes the member's when they have none
     * yet; one the IANA database does not know is left out (the member signs in all the same, and
     * sees UTC until they choose a zone in Settings > Profile).
     */
    public void adoptBrowserTimeZone(String memberId, String browserTimeZone) {
        boolean hasNone = registry.find(memberId).map(m -> m.timeZone() == null).orElse(false);
        if (hasNone && Member.isKnownTimeZone(browserTimeZone)) {
            changeTimeZone(memberId, browserTimeZone);
        }
    }

    public boolean isTokenUsable(String token) {
        return token != null && registry.findByTokenHash(sha256(token)).isPresent();
    }

    public static String normalise(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    public static String randomToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String requireEmail(String email) {
        String normalised = normalise(email);
        if (normalised == null || normalised.isEmpty()) {
            throw new CommandRejectedException(Kind.INVALID, "parameter_missing", "email", "email is required");
        }
        if (normalised.length() > 254 || !EMAIL.matcher(normalised).matches()) {
            throw new CommandRejectedException(Kind.INVALID, "invalid_email", "email",
                    "email must be an address such as 'name@example.com'");
        }
        return normalised;
    }

    private static String requirePassword(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH) {
            throw new CommandRejectedException(Kind.INVALID, "password_too_short", "password",
                    "The password must have at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new CommandRejectedException(Kind.INVALID, "password_too_long", "password",
                    "The password must fit in " + MAX_PASSWORD_BYTES + " bytes");
        }
        return password;
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
