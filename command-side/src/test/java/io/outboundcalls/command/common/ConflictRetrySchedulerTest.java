package io.outboundcalls.command.common;

import io.outboundcalls.command.credits.InsufficientCreditsException;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What another node's concurrent append looks like to a command: retried; a refusal: not. */
class ConflictRetrySchedulerTest {

    private final SimpleCommandBus bus = SimpleCommandBus.builder().build();
    private final CommandGateway gateway = DefaultCommandGateway.builder().commandBus(bus)
            .retryScheduler(CommandGatewayConfiguration.retryScheduler()).build();
    private final AtomicInteger attempts = new AtomicInteger();

    @Test
    void commandThatLostARaceIsRetriedOnTheWinnersState() {
        bus.subscribe(String.class.getName(), command -> {
            if (attempts.incrementAndGet() < 3) {
                throw new ConcurrencyException("another node appended sequence 7 first");
            }
            return "done";
        });
        assertThat((String) gateway.sendAndWait("reserve")).isEqualTo("done");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void refusedCommandIsNotRetried() {
        bus.subscribe(String.class.getName(), command -> {
            attempts.incrementAndGet();
            throw new InsufficientCreditsException("acct_1", 5, 10);
        });
        assertThatThrownBy(() -> gateway.sendAndWait("reserve")).isInstanceOf(InsufficientCreditsException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void racesAreRetriedOnlyABoundedNumberOfTimes() {
        bus.subscribe(String.class.getName(), command -> {
            attempts.incrementAndGet();
            throw new ConcurrencyException("always losing");
        });
        assertThatThrownBy(() -> gateway.sendAndWait("reserve")).isInstanceOf(ConcurrencyException.class);
        assertThat(attempts).hasValue(9);
    }
}
