package io.outboundcalls.app.support;

import io.outboundcalls.command.dialer.DialerProperties;
import io.outboundcalls.command.telephony.SimulatorProperties;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;

/**
 * Part of the one shared test context (picked up by the application's component scan):
 * the dialer reads a clock that tests can move, simulated calls run 1,000 times faster
 * than real time, so a 30-second conversation takes 30 ms, and dialer leases last 2 s, so the
 * longest call (an hour: 3.6 s) outlives its lease and a dead node's slots are recovered soon.
 */
@Configuration(proxyBeanMethods = false)
class TestTimeConfiguration {

    static final double SIMULATOR_SPEED = 1000;
    static final Duration DIALER_LEASE = Duration.ofSeconds(2);

    @Bean
    @Primary
    MovableClock movableClock() {
        return new MovableClock();
    }

    /** A test starting its own nodes may slow calls down ({@code --test.simulator.speed=…}) to watch them live. */
    @Bean
    @Primary
    SimulatorProperties testSimulatorProperties(Environment environment) {
        return new SimulatorProperties(environment.getProperty("test.simulator.speed", Double.class, SIMULATOR_SPEED));
    }

    @Bean
    @Primary
    DialerProperties testDialerProperties() {
        return new DialerProperties(Duration.ofSeconds(1), DIALER_LEASE, Duration.ofMillis(500), Duration.ofMinutes(15), 8);
    }
}
