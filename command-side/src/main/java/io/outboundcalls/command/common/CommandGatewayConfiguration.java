package io.outboundcalls.command.common;

import io.outboundcalls.platform.NamedThreads;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.ExponentialBackOffIntervalRetryScheduler;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The command gateway, retrying commands that lost a race for an aggregate. Axon locks an aggregate
 * only within one JVM; when two nodes append to the same aggregate, the event store's unique
 * (aggregate, sequence) key refuses the second with a {@link ConcurrencyException} (or an
 * {@code AggregateStreamCreationException} when both created it). Retrying reloads the aggregate
 * and re-checks its rules on the winner's state. Every other failure, a refused command above all,
 * is answered at once ({@link ConflictRetryScheduler}).
 */
@Configuration(proxyBeanMethods = false)
class CommandGatewayConfiguration {

    /** A conflict needs only the winner's commit to finish: a few short waits are enough. */
    private static final int MAX_RETRIES = 8;
    private static final int FIRST_RETRY_MILLIS = 10;

    @Bean
    CommandGateway commandGateway(CommandBus commandBus) {
        return DefaultCommandGateway.builder().commandBus(commandBus).retryScheduler(retryScheduler()).build();
    }

    static RetryScheduler retryScheduler() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(NamedThreads.named("command-retry"));
        RetryScheduler backOff = ExponentialBackOffIntervalRetryScheduler.builder()
                .retryExecutor(executor)
                .maxRetryCount(MAX_RETRIES)
                .backoffFactor(FIRST_RETRY_MILLIS)
                .build();
        return new ConflictRetryScheduler(backOff);
    }
}
