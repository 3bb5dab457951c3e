package io.outboundcalls.app.credits;

import io.outboundcalls.command.credits.PaymentProvider;
import io.outboundcalls.command.credits.RecordOnlyPaymentProvider;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** Which payment provider a setting and a mode give: a context of the payments configuration alone. */
class PaymentsConfigurationTest {

    private static final String EXTERNAL_DATABASE = "spring.datasource.url=jdbc:postgresql://db.example/outboundcalls";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(PaymentsConfiguration.class);

    @Test
    void anExternalDatabaseWithNoSettingHasNoProvider() {
        runner.withPropertyValues(EXTERNAL_DATABASE)
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(PaymentProvider.class));
    }

    @Test
    void theEmbeddedDevelopmentModeRecordsPurchasesByDefault() {
        runner.run(context -> assertThat(context).hasNotFailed().getBean(PaymentProvider.class)
                .isInstanceOf(RecordOnlyPaymentProvider.class));
    }

    @Test
    void noneTurnsPurchasesOffEvenInTheEmbeddedMode() {
        runner.withPropertyValues("outboundcalls.payments.provider=none")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(PaymentProvider.class));
    }

    @Test
    void recordOnlyCanBeChosenWithAnExternalDatabase() {
        runner.withPropertyValues(EXTERNAL_DATABASE, "outboundcalls.payments.provider=record-only")
                .run(context -> assertThat(context).hasNotFailed().getBean(PaymentProvider.class)
                        .extracting(PaymentProvider::name).isEqualTo("record_only"));
    }

    @Test
    void aProviderTheDeploymentAddsIsSelectedByItsName() {
        runner.withUserConfiguration(CardProcessor.class)
                .withPropertyValues(EXTERNAL_DATABASE, "outboundcalls.payments.provider=card-processor")
                .run(context -> assertThat(context).hasNotFailed().getBean(PaymentProvider.class)
                        .extracting(PaymentProvider::name).isEqualTo("card_processor"));
    }

    @Test
    void aProviderNobodySelectedFailsTheStart() {
        runner.withUserConfiguration(CardProcessor.class).withPropertyValues(EXTERNAL_DATABASE)
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasMessageContaining("outboundcalls.payments.provider is none"));
    }

    @Test
    void aSelectedProviderThatIsNotThereFailsTheStart() {
        runner.withPropertyValues(EXTERNAL_DATABASE, "outboundcalls.payments.provider=stripe")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasMessageContaining("outboundcalls.payments.provider=stripe"));
        runner.withUserConfiguration(CardProcessor.class).withPropertyValues("outboundcalls.payments.provider=record-only")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasMessageContaining("needs exactly that payment provider").hasMessageContaining("card_processor"));
    }

    @Configuration(proxyBeanMethods = false)
    static class CardProcessor {

        @Bean
        PaymentProvider cardProcessor() {
            return new PaymentProvider() {
                @Override
                public String name() {
                    return "card_processor";
                }

                @Override
                public Payment pay(String accountId, String transactionId, long credits) {
                    return new Payment(true, "cp_" + transactionId, null);
                }
            };
        }
    }
}
