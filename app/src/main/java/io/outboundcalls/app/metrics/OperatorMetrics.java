package io.outboundcalls.app.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The operator's gauges read from the tables every node shares (docs/operations.md, Metrics), so
 * any node scraped tells the same story. Refreshed on a schedule rather than per scrape: a scrape
 * never waits on the database, and a slow database delays the figures, not Prometheus.
 * Per-campaign series exist for running and paused campaigns only, so their number stays bounded.
 */
@Component
class OperatorMetrics {

    private static final Logger log = LoggerFactory.getLogger(OperatorMetrics.class);

    private final JdbcTemplate jdbc;
    private final MultiGauge slotsInUse;
    private final MultiGauge slotsLimit;
    private final MultiGauge waiting;
    private final MultiGauge calls;
    private final MultiGauge deliveries;
    private final MultiGauge endpoints;
    private final MultiGauge imports;

    OperatorMetrics(JdbcTemplate jdbc, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.slotsInUse = gauge(registry, "outboundcalls.dialer.slots.in_use", "Calls a campaign has in flight");
        this.slotsLimit = gauge(registry, "outboundcalls.dialer.slots.limit", "The campaign's concurrent_calls");
        this.waiting = gauge(registry, "outboundcalls.campaigns.waiting", "1 while a running campaign waits, by reason");
        this.calls = gauge(registry, "outboundcalls.calls", "Calls by status and outcome");
        this.deliveries = gauge(registry, "outboundcalls.webhooks.deliveries", "Webhook deliveries by status (pending is the backlog)");
        this.endpoints = gauge(registry, "outboundcalls.webhooks.endpoints", "Webhook endpoints by status");
        this.imports = gauge(registry, "outboundcalls.contacts.imports.in_progress", "Contact imports pending or processing");
    }

    private static MultiGauge gauge(MeterRegistry registry, String name, String description) {
        return MultiGauge.builder(name).description(description).register(registry);
    }

    @Scheduled(fixedDelayString = "${outboundcalls.metrics.refresh:15s}", initialDelayString = "PT1S")
    void refresh() {
        try {
            slotsInUse.register(rows("""
                    select c.campaign_id, count(cc.contact_id) filter (where cc.state = 'dialing')
                    from dialer.campaigns c left join dialer.campaign_contacts cc on cc.campaign_id = c.campaign_id
                    where c.status in ('running', 'paused') group by c.campaign_id""", "campaign_id"), true);
            slotsLimit.register(rows("""
                    select campaign_id, coalesce((settings ->> 'concurrentCalls')::bigint, 0) from dialer.campaigns
                    where status in ('running', 'paused')""", "campaign_id"), true);
            waiting.register(rows("""
                    select campaign_id, waiting_reason, 1 from dialer.campaigns
                    where status = 'running' and waiting_reason is not null""", "campaign_id", "reason"), true);
            calls.register(rows("""
                    select status, coalesce(outcome, 'none'), count(*) from query.calls group by 1, 2""", "status", "outcome"), true);
            deliveries.register(rows("select status, count(*) from webhooks.deliveries group by status", "status"), true);
            endpoints.register(rows("select status, count(*) from webhooks.endpoints group by status", "status"), true);
            imports.register(rows("select count(*) from contacts.imports where status in ('pending', 'processing')"), true);
        } catch (DataAccessException e) {
            // the figures keep their last values; the database health check reports the outage
            log.warn("Operator metrics not refreshed: {}", e.getMessage());
        }
    }

    /** Rows of label values followed by the value, as gauge rows with those labels. */
    private List<MultiGauge.Row<?>> rows(String sql, String... labels) {
        return jdbc.query(sql, (rs, i) -> {
            String[] tags = new String[labels.length * 2];
            for (int l = 0; l < labels.length; l++) {
                tags[2 * l] = labels[l];
                tags[2 * l + 1] = rs.getString(l + 1);
            }
            return MultiGauge.Row.of(Tags.of(tags), rs.getLong(labels.length + 1));
        });
    }
}
