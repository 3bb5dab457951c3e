package io.outboundcalls.console;

import io.outboundcalls.command.common.TypeFilteredEventSource;
import io.outboundcalls.console.member.MemberRegistry;
import org.axonframework.config.EventProcessingConfigurer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ConsoleAxonConfiguration {

    /** The members' sign-in table is written in the command's own transaction, as the account registry is. */
    @Autowired
    void configureProcessors(EventProcessingConfigurer processing) {
        TypeFilteredEventSource.registerSubscribing(processing, MemberRegistry.PROCESSING_GROUP);
    }
}
