package io.outboundcalls.command.contact;

import io.outboundcalls.events.contact.DoNotCallReason;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The account's suppressed numbers ({@code contacts.suppressed_numbers}, one row per account and
 * number), written in the command's own transaction like {@link PhoneNumberClaims}: the set
 * rule "a number that opted out or was marked do-not-call stays so" outlives the contact it
 * came from. An opt-out outranks a mark and is never lifted.
 */
@Component
class NumberSuppressions {

    private final JdbcTemplate jdbc;

    NumberSuppressions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void suppress(String accountId, String phoneNumber, DoNotCallReason reason) {
        jdbc.update("""
                insert into contacts.suppressed_numbers (account_id, phone_number, reason) values (?, ?, ?)
                on conflict (account_id, phone_number) do update set reason = excluded.reason
                where excluded.reason = 'opted_out' and contacts.suppressed_numbers.reason <> 'opted_out'""",
                accountId, phoneNumber, reason.apiName());
    }

    /** Someone cleared do_not_call on a contact with this number: a mark is lifted, an opt-out stays. */
    void lift(String accountId, String phoneNumber) {
        jdbc.update("delete from contacts.suppressed_numbers where account_id = ? and phone_number = ? and reason = 'marked'",
                accountId, phoneNumber);
    }

    Optional<DoNotCallReason> reasonFor(String accountId, String phoneNumber) {
        return Optional.ofNullable(reasonsFor(accountId, List.of(phoneNumber)).get(phoneNumber));
    }

    /** The suppressed ones among these numbers, with their reason: one query for an import's batch. */
    Map<String, DoNotCallReason> reasonsFor(String accountId, Collection<String> phoneNumbers) {
        Map<String, DoNotCallReason> reasons = new HashMap<>();
        if (phoneNumbers.isEmpty()) {
            return reasons;
        }
        jdbc.query("select phone_number, reason from contacts.suppressed_numbers where account_id = ? and phone_number = any(?)",
                rs -> {
                    reasons.put(rs.getString(1), DoNotCallReason.valueOf(rs.getString(2).toUpperCase(Locale.ROOT)));
                }, accountId, phoneNumbers.toArray(String[]::new));
        return reasons;
    }
}
