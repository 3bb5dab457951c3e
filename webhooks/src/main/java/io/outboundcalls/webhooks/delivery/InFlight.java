package io.outboundcalls.webhooks.delivery;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Attempts in flight on this node, per account: what the claim needs to keep one account from
 * taking every sender thread. The dispatcher counts an attempt in when it claims it, the sender
 * thread counts it out when the attempt is recorded.
 */
final class InFlight {

    private final Map<String, Integer> byAccount = new ConcurrentHashMap<>();
    private final int perAccount;

    InFlight(int perAccount) {
        this.perAccount = perAccount;
    }

    int perAccount() {
        return perAccount;
    }

    void begin(String accountId) {
        byAccount.merge(accountId, 1, Integer::sum);
    }

    /** @return true when the account was at its cap, so deliveries it had waiting may now be claimed */
    boolean end(String accountId) {
        int[] before = new int[1];
        byAccount.computeIfPresent(accountId, (id, count) -> {
            before[0] = count;
            return count == 1 ? null : count - 1;
        });
        return before[0] >= perAccount;
    }

    Map<String, Integer> snapshot() {
        return Map.copyOf(byAccount);
    }
}
