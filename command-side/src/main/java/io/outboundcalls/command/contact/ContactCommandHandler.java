package io.outboundcalls.command.contact;

import io.outboundcalls.command.contactlist.ContactLists;
import io.outboundcalls.events.contact.DoNotCallReason;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Contact commands that touch set-based rules: the phone number must be free in the account,
 * every list must be one of the account's live lists, and a suppressed number (opted out, or
 * marked do-not-call) stays so whatever becomes of its contact. All are checked against, and
 * written to, command-side tables inside the command's transaction, together with the
 * aggregate's events.
 */
@Component
class ContactCommandHandler {

    private final Repository<Contact> repository;
    private final PhoneNumberClaims claims;
    private final ContactLists lists;
    private final NumberSuppressions suppressions;

    ContactCommandHandler(Repository<Contact> repository, PhoneNumberClaims claims, ContactLists lists,
                          NumberSuppressions suppressions) {
        this.repository = repository;
        this.claims = claims;
        this.lists = lists;
        this.suppressions = suppressions;
    }

    @CommandHandler
    String handle(CreateContactCommand command) throws Exception {
        lists.requireOwned(command.accountId(), command.listIds(), "list_ids");
        String phoneNumber = command.details().phoneNumber();
        claims.claim(command.accountId(), phoneNumber, command.contactId());
        DoNotCallReason suppressed = suppressions.reasonFor(command.accountId(), phoneNumber).orElse(null);
        Aggregate<Contact> contact = repository.newInstance(() -> new Contact(command.contactId(), command.accountId(),
                command.details(), ContactTimezones.resolve(phoneNumber, command.timezone()), command.doNotCall(), suppressed,
                command.listIds()));
        recordSuppression(command.accountId(), contact);
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
        DoNotCallReason suppressed = null;
        if (changes.has(ContactChanges.PHONE_NUMBER) && !changes.phoneNumber().equals(currentNumber)) {
            claims.release(command.accountId(), currentNumber, command.contactId());
            claims.claim(command.accountId(), changes.phoneNumber(), command.contactId());
            suppressed = suppressions.reasonFor(command.accountId(), changes.phoneNumber()).orElse(null);
        }
        DoNotCallReason suppressedNumber = suppressed;
        contact.execute(c -> c.update(changes, suppressedNumber));
        if (changes.has(ContactChanges.DO_NOT_CALL) && Boolean.FALSE.equals(changes.doNotCall())) {
            suppressions.lift(command.accountId(), contact.invoke(Contact::phoneNumber));
        }
        recordSuppression(command.accountId(), contact);
    }

    @CommandHandler
    void handle(OptOutContactCommand command) {
        Aggregate<Contact> contact = repository.load(command.contactId());
        contact.execute(c -> c.handle(command));
        recordSuppression(command.accountId(), contact);
    }

    @CommandHandler
    void handle(ChangeContactStatusCommand command) {
        Aggregate<Contact> contact = repository.load(command.contactId());
        contact.execute(c -> c.handle(command));
        recordSuppression(command.accountId(), contact);
    }

    @CommandHandler
    void handle(DeleteContactCommand command) {
        Aggregate<Contact> contact = repository.load(command.contactId());
        contact.execute(c -> c.checkOwner(command.accountId()));
        String phoneNumber = contact.invoke(Contact::phoneNumber);
        contact.execute(Contact::delete);
        claims.release(command.accountId(), phoneNumber, command.contactId());
    }

    /** A do-not-call contact's number is suppressed for the account from now on (the contact's owner checked by then). */
    private void recordSuppression(String accountId, Aggregate<Contact> contact) {
        if (contact.invoke(Contact::isDoNotCall)) {
            suppressions.suppress(accountId, contact.invoke(Contact::phoneNumber), contact.invoke(Contact::doNotCallReason));
        }
    }
}
