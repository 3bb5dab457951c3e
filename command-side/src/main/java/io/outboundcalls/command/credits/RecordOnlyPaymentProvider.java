package io.outboundcalls.command.credits;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The default payment provider: it charges nothing and records every purchase as paid. Fit for a
 * self-hosted installation that sells credits out of band, or for a demo; not a payment integration.
 */
final class RecordOnlyPaymentProvider implements PaymentProvider {

    @Override
    public Payment pay(String accountId, String transactionId, long credits) {
        return new Payment(true, "record-only:" + transactionId, null);
    }

    @Configuration(proxyBeanMethods = false)
    static class Default {

        @Bean
        @ConditionalOnMissingBean(PaymentProvider.class)
        PaymentProvider recordOnlyPaymentProvider() {
            return new RecordOnlyPaymentProvider();
        }
    }
}
