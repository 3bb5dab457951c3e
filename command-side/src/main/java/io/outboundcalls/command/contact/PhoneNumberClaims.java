package io.outboundcalls.command.contact;

import io.outboundcalls.command.common.CommandRejectedException;
import io.outboundcalls.command.common.CommandRejectedException.Kind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The UNIQUE (account, phone number) table, written in the command's own transaction. A second
 * claim of the same number waits on the first transaction's row lock and then finds it taken,
 * so two concurrent creates can never both succeed.
 */
@Component
class PhoneNumberClaims {

    private final JdbcTemplate jdbc;

    PhoneNumberClaims(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void claim(String accountId, String phoneNumber, String contactId) {
        int inserted = jdbc.update("""
                insert into contacts.phone_numbers (account_id, phone_number, contact_id) values (?, ?, ?)
                on conflict (account_id, phone_number) do nothing""", accountId, phoneNumber, contactId);
        if (inserted == 0) {
            throw taken(phoneNumber);
        }
    }

    /** Claims many numbers in one statement; false when any was taken meanwhile (the caller's transaction must roll back). */
    boolean claimAll(String accountId, Map<String, String> contactIdByPhone) {
        if (contactIdByPhone.isEmpty()) {
            return true;
        }
        String[] phones = contactIdByPhone.keySet().toArray(String[]::new);
        String[] contactIds = contactIdByPhone.values().toArray(String[]::new);
        Integer inserted = jdbc.queryForObject("""
                with claimed as (
                    insert into contacts.phone_numbers (account_id, phone_number, contact_id)
                    select ?, p, c from unnest(?::varchar[], ?::varchar[]) as t(p, c)
                    on conflict (account_id, phone_number) do nothing returning 1)
                select count(*) from claimed""", Integer.class, accountId, phones, contactIds);
        return inserted != null && inserted == phones.length;
    }

    /** Frees the contact's claim on its number (the contact's own claim only, never another's). */
    void release(String accountId, String phoneNumber, String contactId) {
        jdbc.update("delete from contacts.phone_numbers where account_id = ? and phone_number = ? and contact_id = ?",
                accountId, phoneNumber, contactId);
    }

    /** Which of these numbers already belong to a contact of the account, and to which. */
    Map<String, String> owners(String accountId, Collection<String> phoneNumbers) {
        Map<String, String> owners = new HashMap<>();
        if (phoneNumbers.isEmpty()) {
            return owners;
        }
        jdbc.query("select phone_number, contact_id from contacts.phone_numbers where account_id = ? and phone_number = any(?)",
                rs -> {
                    owners.put(rs.getString(1), rs.getString(2));
                }, accountId, phoneNumbers.toArray(String[]::new));
        return owners;
    }

    static CommandRejectedException taken(String phoneNumber) {
        return new CommandRejectedException(Kind.CONFLICT, "phone_number_taken", "phone_number",
                "Another contact of this account already has the phone number " + phoneNumber);
    }
}
