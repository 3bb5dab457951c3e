package io.outboundcalls.app.credits;

import io.outboundcalls.app.config.EmbeddedMode;
import io.outboundcalls.command.credits.PaymentProvider;
import io.outboundcalls.command.credits.RecordOnlyPaymentProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

import java.util.List;

/**
 * The payment provider of {@code POST /v1/credits/purchase}, chosen by {@link PaymentProperties}. With
 * none there is no {@link PaymentProvider} bean and purchases answer 403 {@code purchases_disabled}.
 * A start whose setting and provider beans disagree fails: a wrong guess here either gives credits
 * away or charges through a provider nobody chose.
 */
@Configuration(proxyBeanMethods = false)
class PaymentsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PaymentsConfiguration.class);

    @Bean
    @Conditional(RecordOnlySelected.class)
    PaymentProvider recordOnlyPaymentProvider() {
        log.warn("Payments: the record-only provider is active: POST /v1/credits/purchase adds credits WITHOUT "
                + "CHARGING ANYONE. Fine for development; set outboundcalls.payments.provider=none (or a real "
                + "provider) before anyone else can reach this service.");
        return new RecordOnlyPaymentProvider();
    }

    @Bean
    SmartInitializingSingleton paymentProviderCheck(Environment environment, ObjectProvider<PaymentProvider> beans) {
        return () -> check(selected(environment), beans.orderedStream().toList());
    }

    static void check(String selected, List<PaymentProvider> providers) {
        List<String> names = providers.stream().map(PaymentProvider::name).toList();
        if (PaymentProperties.NONE.equals(selected)) {
            if (!providers.isEmpty()) {
                throw new IllegalStateException("outboundcalls.payments.provider is none, yet a payment provider is "
                        + "defined " + names + ": set outboundcalls.payments.provider to the one to use");
            }
            log.info("Payments: no provider (outboundcalls.payments.provider=none): purchases are disabled; operators "
                    + "grant credits with POST /admin/accounts/:id/credits/adjust");
            return;
        }
        if (providers.size() != 1 || !PaymentProperties.names(selected, names.get(0))) {
            throw new IllegalStateException("outboundcalls.payments.provider=" + selected
                    + " needs exactly that payment provider, found " + names);
        }
    }

    private static String selected(Environment environment) {
        return PaymentProperties.of(environment).selected(EmbeddedMode.isOn(environment));
    }

    /** {@code record-only} configured, or nothing configured in the embedded development mode. */
    static final class RecordOnlySelected extends SpringBootCondition {

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String selected = selected(context.getEnvironment());
            return PaymentProperties.RECORD_ONLY.equals(selected)
                    ? ConditionOutcome.match("payment provider " + selected)
                    : ConditionOutcome.noMatch("payment provider " + selected);
        }
    }
}
