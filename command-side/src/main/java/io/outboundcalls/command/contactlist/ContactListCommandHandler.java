package io.outboundcalls.command.contactlist;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Creates and deletes lists and keeps {@code contacts.lists} in the same transaction as the
 * events, so a contact command can check its list ids against the truth, not a read model.
 */
@Component
class ContactListCommandHandler {

    private final Repository<ContactList> repository;
    private final JdbcTemplate jdbc;

    ContactListCommandHandler(Repository<ContactList> repository, JdbcTemplate jdbc) {
        this.repository = repository;
        this.jdbc = jdbc;
    }

    @CommandHandler
    String handle(CreateContactListCommand command) throws Exception {
        repository.newInstance(() -> new ContactList(command));
        jdbc.update("insert into contacts.lists (list_id, account_id) values (?, ?)", command.listId(), command.accountId());
        return command.listId();
    }

    @CommandHandler
    void handle(DeleteContactListCommand command) {
        repository.load(command.listId()).execute(list -> list.delete(command));
        jdbc.update("delete from contacts.lists where list_id = ?", command.listId());
    }
}
