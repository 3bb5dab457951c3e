package io.outboundcalls.console.member;

import io.outboundcalls.events.member.MemberCreatedEvent;
import io.outboundcalls.events.member.MemberPasswordSetEvent;
import io.outboundcalls.events.member.MemberTimeZoneChangedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;

/**
 * The members sign-in reads. A subscribing processor ({@code ConsoleAxonConfiguration}), so it
 * is written in the command's transaction: a password set is usable on the very next sign-in,
 * on any node. Rebuildable from the member events.
 */
@Component
@ProcessingGroup(MemberRegistry.PROCESSING_GROUP)
public class MemberRegistry {

    public static final String PROCESSING_GROUP = "member-registry";

    /**
     * What sign-in and the pages need; {@code passwordHash} is null until the member has set one,
     * {@code timeZone} until the member or their browser chose one.
     */
    public record MemberRecord(String memberId, String accountId, String email, String passwordHash, String timeZone) {
    }

    private static final String SELECT = "select member_id, account_id, email, password_hash, time_zone from console.members ";
    private static final RowMapper<MemberRecord> MAPPER = (rs, i) ->
            new MemberRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));

    private final JdbcTemplate jdbc;

    MemberRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(MemberCreatedEvent event, @Timestamp Instant at) {
        jdbc.update("""
                insert into console.members (member_id, account_id, email, set_password_token_hash, token_expires_at, created_at)
                values (?, ?, ?, ?, ?, ?) on conflict (member_id) do nothing""",
                event.memberId(), event.accountId(), event.email(), event.setPasswordTokenHash(),
                event.tokenExpiresAt() == null ? null : java.sql.Timestamp.from(event.tokenExpiresAt()), java.sql.Timestamp.from(at));
    }

    @EventHandler
    void on(MemberPasswordSetEvent event) {
        jdbc.update("update console.members set password_hash = ?, set_password_token_hash = null where member_id = ?",
                event.passwordHash(), event.memberId());
    }

    @EventHandler
    void on(MemberTimeZoneChangedEvent event) {
        jdbc.update("update console.members set time_zone = ? where member_id = ?", event.timeZone(), event.memberId());
    }

    public Optional<MemberRecord> findByEmail(String email) {
        return jdbc.query(SELECT + "where email = ?", MAPPER, Members.normalise(email)).stream().findFirst();
    }

    Optional<MemberRecord> findByTokenHash(String tokenHash) {
        return jdbc.query(SELECT + "where set_password_token_hash = ?", MAPPER, tokenHash).stream().findFirst();
    }

    public Optional<MemberRecord> find(String memberId) {
        return jdbc.query(SELECT + "where member_id = ?", MAPPER, memberId).stream().findFirst();
    }

    public Optional<MemberRecord> firstOfAccount(String accountId) {
        return jdbc.query(SELECT + "where account_id = ? order by member_id limit 1", MAPPER, accountId).stream().findFirst();
    }
}
