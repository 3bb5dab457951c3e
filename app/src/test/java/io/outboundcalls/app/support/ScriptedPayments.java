package io.outboundcalls.app.support;

import io.outboundcalls.command.credits.PaymentProvider;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The payment provider of the test contexts: the configured one (record-only), counted and, per
 * account, scripted (see TestPaymentsConfiguration), so tests sharing the context do not see each other's scripts. Like a real
 * provider it keeps its word per transaction id (its idempotency key): asked again for a transaction
 * it has charged, it answers that payment again and charges nothing.
 */
public final class ScriptedPayments implements PaymentProvider {

    private final PaymentProvider configured;
    private final Map<String, Payment> paid = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> charges = new ConcurrentHashMap<>();
    private final Map<String, String> declines = new ConcurrentHashMap<>();
    private final Set<String> failingAfterCharge = ConcurrentHashMap.newKeySet();

    ScriptedPayments(PaymentProvider configured) {
        this.configured = configured;
    }

    @Override
    public String name() {
        return configured.name();
    }

    @Override
    public Payment pay(String accountId, String transactionId, long credits) {
        calls.computeIfAbsent(accountId, a -> new AtomicInteger()).incrementAndGet();
        String declineReason = declines.get(accountId);
        if (declineReason != null) {
            return new Payment(false, null, declineReason);
        }
        Payment payment = paid.computeIfAbsent(transactionId, t -> {
            charges.computeIfAbsent(accountId, a -> new AtomicInteger()).incrementAndGet();
            return configured.pay(accountId, t, credits);
        });
        if (failingAfterCharge.remove(accountId)) {
            throw new IllegalStateException("simulated: the connection to the provider dropped after the charge");
        }
        return payment;
    }

    /** Every payment of the account is declined with {@code reason}. */
    public void decline(String accountId, String reason) {
        declines.put(accountId, reason);
    }

    /** The account's next payment is taken, then the call fails as if the answer was lost on the way back. */
    public void failOnceAfterCharging(String accountId) {
        failingAfterCharge.add(accountId);
    }

    /** How many times money was taken from the account (distinct transactions paid). */
    public int charges(String accountId) {
        return charges.getOrDefault(accountId, new AtomicInteger()).get();
    }

    /** How many times the provider was asked, charged or not. */
    public int calls(String accountId) {
        return calls.getOrDefault(accountId, new AtomicInteger()).get();
    }
}
