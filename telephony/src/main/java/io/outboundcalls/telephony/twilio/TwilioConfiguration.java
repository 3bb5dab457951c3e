package io.outboundcalls.telephony.twilio;

import io.outboundcalls.command.telephony.CallGateway;
import io.outboundcalls.telephony.llm.LlmProperties;
import io.outboundcalls.telephony.recording.RecordingStore;
import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code outboundcalls.telephony.provider=twilio}: Twilio places the calls (the simulator still takes test-mode
 * campaigns). Every setting a call needs is checked first: a missing one stops the start, named.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "outboundcalls.telephony.provider", havingValue = "twilio")
class TwilioConfiguration {

    @Bean
    TwilioSignature twilioSignature(TwilioProperties twilio, LlmProperties llm) {
        RequiredSettings.check(twilio, llm);
        return new TwilioSignature(twilio.authToken());
    }

    @Bean
    TwilioRestClient twilioRestClient(TwilioProperties twilio, LlmProperties llm, TwilioCallSettings settings) {
        RequiredSettings.check(twilio, llm);
        return new TwilioRestClient(twilio, settings);
    }

    @Bean
    TwilioCalls twilioCalls(JdbcTemplate jdbc) {
        return new TwilioCalls(jdbc);
    }

    @Bean
    Conversations conversations(JdbcTemplate jdbc) {
        return new Conversations(jdbc);
    }

    @Bean
    TwilioCallFinisher twilioCallFinisher(TwilioCalls calls, Conversations conversations, CommandGateway commands,
                                          PlatformTransactionManager transactions, Clock clock, TwilioCallSettings settings) {
        return new TwilioCallFinisher(calls, conversations, commands, new TransactionTemplate(transactions), clock, settings);
    }

    @Bean
    TwilioCallbacks twilioCallbacks(TwilioCalls calls, TwilioCallFinisher finisher, TwilioRestClient rest,
                                    RecordingStore recordings, CommandGateway commands,
                                    PlatformTransactionManager transactions, Clock clock) {
        return new TwilioCallbacks(calls, finisher, rest, recordings, commands, new TransactionTemplate(transactions), clock);
    }

    @Bean
    @Primary
    CallGateway twilioCallGateway(@Qualifier(CallGateway.SIMULATOR) CallGateway simulator, TwilioRestClient rest,
                                  TwilioCalls calls, TwilioCallFinisher finisher, RecordingStore recordings,
                                  CommandGateway commands, TwilioProperties twilio, TwilioCallSettings settings, Clock clock) {
        return new TwilioCallGateway(simulator, rest, calls, finisher, recordings, commands, twilio, settings, clock);
    }
}
