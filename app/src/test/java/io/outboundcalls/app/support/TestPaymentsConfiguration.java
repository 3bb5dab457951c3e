package io.outboundcalls.app.support;

import io.outboundcalls.command.credits.PaymentProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Part of the test contexts (picked up by the application's component scan): whatever payment provider
 * the settings select is wrapped in {@link ScriptedPayments}, so tests can count and script payments
 * while the configured provider still pays.
 */
@Configuration(proxyBeanMethods = false)
class TestPaymentsConfiguration {

    @Bean
    static BeanPostProcessor scriptedPayments() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof PaymentProvider provider && !(bean instanceof ScriptedPayments)
                        ? new ScriptedPayments(provider) : bean;
            }
        };
    }
}
