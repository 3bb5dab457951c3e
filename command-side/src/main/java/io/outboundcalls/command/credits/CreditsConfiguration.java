package io.outboundcalls.command.credits;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A busy account settles a call every few seconds for years: without snapshots every command would
 * replay its whole history. A snapshot every {@value #EVENTS_PER_SNAPSHOT} events bounds the replay.
 */
@Configuration(proxyBeanMethods = false)
class CreditsConfiguration {

    static final String SNAPSHOT_TRIGGER = "creditAccountSnapshotTrigger";
    /** Replaying a few hundred small events costs about a millisecond; a snapshot costs a write. */
    static final int EVENTS_PER_SNAPSHOT = 500;

    @Bean(SNAPSHOT_TRIGGER)
    SnapshotTriggerDefinition creditAccountSnapshotTrigger(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, EVENTS_PER_SNAPSHOT);
    }
}
