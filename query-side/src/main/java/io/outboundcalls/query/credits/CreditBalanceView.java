package io.outboundcalls.query.credits;

/** An account's credits as the read model knows them; an account that never bought any has zeros. */
public record CreditBalanceView(String accountId, long balance, long reserved, long lowBalanceThreshold) {

    public long available() {
        return balance - reserved;
    }
}
