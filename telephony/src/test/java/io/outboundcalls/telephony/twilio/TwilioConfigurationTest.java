package io.outboundcalls.telephony.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.outboundcalls.command.telephony.CallGateway;
import io.outboundcalls.telephony.llm.LlmProperties;
import io.outboundcalls.telephony.recording.RecordingStore;
import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** With provider=twilio the start stops, naming the setting, when one a call needs is missing. */
class TwilioConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Collaborators.class, TwilioConfiguration.class)
            .withPropertyValues("outboundcalls.telephony.provider=twilio",
                    "outboundcalls.telephony.twilio.account-sid=AC00000000000000000000000000000000",
                    "outboundcalls.telephony.twilio.auth-token=token",
                    "outboundcalls.telephony.twilio.public-base-url=https://calls.example.com",
                    "outboundcalls.telephony.twilio.from-number=+15005550006",
                    "outboundcalls.llm.base-url=http://127.0.0.1:11434/v1",
                    "outboundcalls.llm.model=llama3.1");

    @Test
    void aCompleteConfigurationStartsWithTwilioAsTheGateway() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(CallGateway.class)).isInstanceOf(TwilioCallGateway.class);
        });
    }

    @Test
    void aMissingSettingStopsTheStartAndIsNamed() {
        runner.withPropertyValues("outboundcalls.telephony.twilio.public-base-url=").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("outboundcalls.telephony.twilio.public-base-url");
        });
        runner.withPropertyValues("outboundcalls.llm.model=").run(context ->
                assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("outboundcalls.llm.model"));
    }

    @Test
    void theSimulatorNeedsNoneOfIt() {
        new ApplicationContextRunner().withUserConfiguration(Collaborators.class, TwilioConfiguration.class)
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(TwilioCallGateway.class));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({TwilioProperties.class, TwilioCallSettings.class, LlmProperties.class})
    static class Collaborators {

        @Bean(CallGateway.SIMULATOR)
        CallGateway simulator() {
            return mock(CallGateway.class);
        }

        @Bean
        JdbcTemplate jdbcTemplate() {
            return mock(JdbcTemplate.class);
        }

        @Bean
        PlatformTransactionManager transactionManager() {
            return mock(PlatformTransactionManager.class);
        }

        @Bean
        CommandGateway commandGateway() {
            return mock(CommandGateway.class);
        }

        @Bean
        RecordingStore recordingStore() {
            return mock(RecordingStore.class);
        }

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }
}
