package io.outboundcalls.command.dialer;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import io.outboundcalls.command.common.TypeFilteredEventSource;
import org.axonframework.config.EventProcessingConfigurer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The dialer's wiring: its lookup tables follow events in the events' own transaction
 * (subscribing), its clock is a bean tests can replace, and its sweep is a db-scheduler
 * recurring task, so exactly one node runs it at a time and it survives restarts.
 */
@Configuration(proxyBeanMethods = false)
class DialerConfiguration {

    static final String SWEEP_TASK = "dialer-sweep";

    @Autowired
    void configure(EventProcessingConfigurer processing) {
        TypeFilteredEventSource.registerSubscribing(processing, DialerDirectory.PROCESSING_GROUP);
        TypeFilteredEventSource.registerSubscribing(processing, DialerLedger.PROCESSING_GROUP);
    }

    /** Every time decision of the dialer and the simulator reads this clock. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    RecurringTask<Void> dialerSweepTask(DialerProperties properties, DialerSweep sweep) {
        return Tasks.recurring(SWEEP_TASK, FixedDelay.of(properties.sweepInterval()))
                .execute((instance, context) -> sweep.run());
    }
}
