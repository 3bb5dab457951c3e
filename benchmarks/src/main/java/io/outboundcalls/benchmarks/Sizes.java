package io.outboundcalls.benchmarks;

import java.time.Duration;

/** How big each scenario is: the full run measures the targets, the smoke run only exercises the harness. */
record Sizes(Duration warmup, Duration measure, int importRows, int dialerContacts, int dialerConcurrency,
             int webhookEvents, int relaySessions, int relayWarmupTurns, int relayTurns) {

    static final Sizes FULL = new Sizes(Duration.ofSeconds(5), Duration.ofSeconds(20), 100_000, 10_000, 200, 2_000, 200, 20, 12);
    static final Sizes SMOKE = new Sizes(Duration.ofMillis(500), Duration.ofSeconds(2), 500, 60, 20, 20, 10, 1, 3);

    /** A shorter or longer dialer run for profiling ({@code --dialer-contacts=N}); judged only at the full size. */
    Sizes withDialerContacts(int contacts) {
        return new Sizes(warmup, measure, importRows, contacts, dialerConcurrency, webhookEvents, relaySessions, relayWarmupTurns,
                relayTurns);
    }

    /** A smaller or larger import ({@code --import-rows=N}, e.g. 1,000,000 rows); judged only at the full size. */
    Sizes withImportRows(int rows) {
        return new Sizes(warmup, measure, rows, dialerContacts, dialerConcurrency, webhookEvents, relaySessions, relayWarmupTurns,
                relayTurns);
    }

    /** The smoke run's sizes, or sizes derived from them: the harness is only being exercised. */
    boolean smoke() {
        return warmup.equals(SMOKE.warmup) && measure.equals(SMOKE.measure);
    }
}
