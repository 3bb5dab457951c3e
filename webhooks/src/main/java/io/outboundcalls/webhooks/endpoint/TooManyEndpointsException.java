package io.outboundcalls.webhooks.endpoint;

/** An account already has {@link WebhookEndpoints#MAX_PER_ACCOUNT} endpoints and asked for another. */
public class TooManyEndpointsException extends RuntimeException {

    private final String accountId;
    private final int limit;

    TooManyEndpointsException(String accountId, int limit) {
        super("An account can have at most " + limit + " webhook endpoints; delete one before adding another");
        this.accountId = accountId;
        this.limit = limit;
    }

    public String accountId() {
        return accountId;
    }

    public int limit() {
        return limit;
    }
}
