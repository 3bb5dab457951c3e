package io.outboundcalls.command.credits;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A busy account settles a call every few seconds for years: without snapshots every command would
 * replay its whole history. A snapshot every {@value #EVENTS_PER_SNAPSHOT} events bounds the replay.
 * A running campaign sends its account a reservation and a settlement per call, one at a time (the
 * aggregate's lock): re-reading the snapshot and up to 500 events for each was measured as what
 * kept the dialer at 30 calls per second, so the aggregate also stays in memory between commands.
 */
@Configuration(proxyBeanMethods = false)
class CreditsConfiguration {

    static final String SNAPSHOT_TRIGGER = "creditAccountSnapshotTrigger";
    /** Replaying a few hundred small events costs about a millisecond; a snapshot costs a write. */
    static final int EVENTS_PER_SNAPSHOT = 500;

    static final String CACHE = "creditAccountCache";

    /**
     * The cached account is only a head start: appending still requires the next sequence number in
     * the event store, so an account changed by another node meanwhile fails the command (rolled back
     * and evicted, the next one reloads) and can never spend credits it no longer has. Weak
     * references: memory pressure evicts, and an evicted account is simply reloaded.
     */
    @Bean(CACHE)
    Cache creditAccountCache() {
        return new WeakReferenceCache();
    }

    @Bean(SNAPSHOT_TRIGGER)
    SnapshotTriggerDefinition creditAccountSnapshotTrigger(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, EVENTS_PER_SNAPSHOT);
    }
}
