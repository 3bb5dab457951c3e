package io.outboundcalls.command.contactlist;

import io.outboundcalls.command.common.CommandRejectedException;
import io.outboundcalls.command.common.CommandRejectedException.Kind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The command side's view of which lists exist, for the account that owns them. */
@Component
public class ContactLists {

    private final JdbcTemplate jdbc;

    ContactLists(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Refuses (422 {@code list_not_found}) any id that is not a live list of this account. */
    public void requireOwned(String accountId, Collection<String> listIds, String param) {
        if (listIds.isEmpty()) {
            return;
        }
        Set<String> found = new HashSet<>(jdbc.queryForList(
                "select list_id from contacts.lists where account_id = ? and list_id = any(?)", String.class,
                accountId, listIds.toArray(String[]::new)));
        List<String> missing = listIds.stream().filter(id -> !found.contains(id)).toList();
        if (!missing.isEmpty()) {
            throw new CommandRejectedException(Kind.INVALID, "list_not_found", param,
                    "No such contact list: '" + missing.get(0) + "'");
        }
    }
}
