package io.outboundcalls.command.contact;

import io.outboundcalls.command.contactlist.ContactLists;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Contact commands that touch set-based rules: the phone number must be free in the account and
 * every list must be one of the account's live lists. Both are checked against command-side
 * tables inside the command's transaction, together with the aggregate's events.
 */
@Component
class ContactCommandHandler {

    private final Repository<Contact> repository;
    private final PhoneNumberClaims claims;
    private final ContactLists lists;

    ContactCommandHandler(Repository<Contact> repository, PhoneNumberClaims claims, ContactLists lists) {
        this.repository = repository;
        this.claims = claims;
        this.lists = lists;
    }

    @CommandHandler
    String handle(CreateContactCommand command) throws Exception {
        lists.requireOwned(command.accountId(), command.listIds(), "list_ids");
        claims.claim(command.accountId(), command.details().phoneNumber(), command.contactId());
        repository.newInstance(() -> new Contact(command.contactId(), command.accountId(), command.details(),
                ContactTimezones.resolve(command.details().phoneNumber(), command.timezone()), command.doNotCall(),
                command.listIds()));
        return command.contactId();
    }

    @CommandHandler
    void handle(UpdateContactCommand command) {
        Aggregate<Contact> contact = repository.load(command.contactId());
        contact.execute(c -> c.checkOwner(command.accountId()));
        ContactChanges changes = command.changes();
        if (changes.has(ContactChanges.LIST_IDS) && changes.listIds() != null) {
            lists.requireOwned(command.accountId(), changes.listIds(), "list_ids");
        }
        String currentNumber = contact.invoke(Contact::phoneNumber);
        if (changes.has(ContactChanges.PHONE_NUMBER) && !changes.phoneNumber().equals(currentNumber)) {
            claims.release(command.accountId(), currentNumber, command.contactId());
            claims.claim(command.accountId(), changes.phoneNumber(), command.contactId());
        }
        contact.execute(c -> c.update(changes));
    }

    @CommandHandler
    void handle(DeleteContactCommand command) {
        Aggregate<Contact> contact = repository.load(command.contactId());
        contact.execute(c -> c.checkOwner(command.accountId()));
        String phoneNumber = contact.invoke(Contact::phoneNumber);
        contact.execute(Contact::delete);
        claims.release(command.accountId(), phoneNumber, command.contactId());
    }
}
