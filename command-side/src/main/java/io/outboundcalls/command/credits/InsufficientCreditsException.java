package io.outboundcalls.command.credits;

import io.outboundcalls.command.common.CommandRejectedException;

/** A reservation or charge that would take {@code available} below zero. */
public class InsufficientCreditsException extends CommandRejectedException {

    private final String accountId;
    private final long available;
    private final long requested;

    public InsufficientCreditsException(String accountId, long available, long requested) {
        super(Kind.CONFLICT, "insufficient_credits", null,
                "Not enough credits: " + requested + " requested, " + available + " available");
        this.accountId = accountId;
        this.available = available;
        this.requested = requested;
    }

    public String accountId() {
        return accountId;
    }

    public long available() {
        return available;
    }

    public long requested() {
        return requested;
    }
}
