package io.outboundcalls.app.projections;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Projection lag per processing group: events in the store not yet handled, read from the token
 * store like GET /admin/projections (docs/operations.md, Metrics). A replaying group lags by design.
 */
@Component
class ProjectionMetrics {

    private static final Logger log = LoggerFactory.getLogger(ProjectionMetrics.class);

    private final ProjectionOperations operations;
    private final MultiGauge lag;
    private final MultiGauge deadLetters;

    ProjectionMetrics(ProjectionOperations operations, MeterRegistry registry) {
        this.operations = operations;
        this.lag = MultiGauge.builder("outboundcalls.projection.lag").baseUnit("events")
                .description("Events a processing group has still to handle").register(registry);
        this.deadLetters = MultiGauge.builder("outboundcalls.projection.dead_letters")
                .description("Events a processing group parked after failing on them").register(registry);
    }

    @Scheduled(fixedDelayString = "${outboundcalls.metrics.refresh:15s}", initialDelayString = "PT1S")
    void refresh() {
        try {
            var statuses = operations.all();
            lag.register(statuses.stream().filter(s -> s.lag() != null)
                    .map(s -> MultiGauge.Row.of(Tags.of("group", s.name(), "state", s.state()), s.lag())).toList(), true);
            deadLetters.register(statuses.stream()
                    .map(s -> MultiGauge.Row.of(Tags.of("group", s.name()), s.deadLetters())).toList(), true);
        } catch (RuntimeException e) {
            log.warn("Projection metrics not refreshed: {}", e.getMessage());
        }
    }
}
