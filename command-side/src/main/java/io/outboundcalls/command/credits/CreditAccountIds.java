package io.outboundcalls.command.credits;

/**
 * The CreditAccount aggregate of an account. It cannot share the account's id: the Account
 * aggregate already owns that id's event sequence in the store.
 */
public final class CreditAccountIds {

    private CreditAccountIds() {
    }

    public static String of(String accountId) {
        return accountId + ":credits";
    }
}
