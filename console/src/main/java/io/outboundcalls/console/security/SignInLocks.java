package io.outboundcalls.console.security;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins counted per email in PostgreSQL (on the database clock, so every node counts
 * the same window): {@link #MAX_FAILURES} within a minute lock the address for
 * {@code outboundcalls.console.lock-duration}, even for the right password.
 */
@Component
class SignInLocks {

    static final int MAX_FAILURES = 5;

    private final JdbcTemplate jdbc;
    private final ConsoleProperties properties;

    SignInLocks(JdbcTemplate jdbc, ConsoleProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    boolean isLocked(String email) {
        return Boolean.TRUE.equals(jdbc.query(
                "select locked_until > now() from console.sign_in_failures where email = ?",
                rs -> rs.next() && rs.getBoolean(1), email));
    }

    void recordFailure(String email) {
        jdbc.update("""
                insert into console.sign_in_failures as f (email, window_start, failures) values (?, now(), 1)
                on conflict (email) do update set
                    window_start = case when f.window_start > now() - interval '1 minute' then f.window_start else now() end,
                    failures = case when f.window_start > now() - interval '1 minute' then f.failures + 1 else 1 end,
                    locked_until = case when f.window_start > now() - interval '1 minute' and f.failures + 1 >= ?
                                        then now() + make_interval(secs => ?) else f.locked_until end""",
                email, MAX_FAILURES, properties.lockDuration().toSeconds());
    }

    void clear(String email) {
        jdbc.update("delete from console.sign_in_failures where email = ? and (locked_until is null or locked_until <= now())", email);
    }
}
