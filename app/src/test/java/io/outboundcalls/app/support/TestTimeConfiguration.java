package io.outboundcalls.app.support;

import io.outboundcalls.command.telephony.SimulatorProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Part of the one shared test context (picked up by the application's component scan):
 * the dialer reads a clock that tests can move, and simulated calls run 1,000 times faster
 * than real time, so a 30-second conversation takes 30 ms.
 */
@Configuration(proxyBeanMethods = false)
class TestTimeConfiguration {

    static final double SIMULATOR_SPEED = 1000;

    @Bean
    @Primary
    MovableClock movableClock() {
        return new MovableClock();
    }

    @Bean
    @Primary
    SimulatorProperties testSimulatorProperties() {
        return new SimulatorProperties(SIMULATOR_SPEED);
    }
}
