package io.outboundcalls.query.credits;

import io.outboundcalls.events.credits.CreditsDebitedEvent;
import io.outboundcalls.query.common.ReadModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Usage: one row per settled call, grouped at query time by day, campaign or agent. */
@Component
@ReadModel
@ProcessingGroup(CreditUsageProjection.PROCESSING_GROUP)
public class CreditUsageProjection {

    public static final String PROCESSING_GROUP = "credit-usage";

    private final JdbcTemplate jdbc;

    CreditUsageProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CreditsDebitedEvent event, @Timestamp Instant at) {
        jdbc.update("""
                insert into query.credit_usage (account_id, reservation_id, call_id, campaign_id, agent_id,
                    billed_seconds, credits, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                event.accountId(), event.reservationId(), event.callId(), event.campaignId(), event.agentId(),
                event.billedSeconds(), event.amount(), java.sql.Timestamp.from(at));
    }

    @ResetHandler
    void reset() {
        jdbc.update("truncate query.credit_usage");
    }

    @QueryHandler
    CreditUsageView handle(CreditUsageQuery query) {
        List<String> where = new ArrayList<>(List.of("account_id = ?"));
        List<Object> args = new ArrayList<>(List.of(query.accountId()));
        if (query.start() != null) {
            where.add("created_at >= ?");
            args.add(java.sql.Timestamp.from(query.start()));
        }
        if (query.end() != null) {
            where.add("created_at < ?");
            args.add(java.sql.Timestamp.from(query.end()));
        }
        String key = switch (query.groupBy()) {
            case DAY -> "to_char(created_at at time zone 'UTC', 'YYYY-MM-DD')";
            case CAMPAIGN -> "campaign_id";
            case AGENT -> "agent_id";
        };
        List<CreditUsageView.Group> groups = jdbc.query("select " + key + " as k, count(*), sum(billed_seconds), sum(credits)"
                        + " from query.credit_usage where " + String.join(" and ", where)
                        + " group by k order by k nulls last",
                (rs, i) -> new CreditUsageView.Group(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)),
                args.toArray());
        long calls = groups.stream().mapToLong(CreditUsageView.Group::calls).sum();
        long seconds = groups.stream().mapToLong(CreditUsageView.Group::billedSeconds).sum();
        long credits = groups.stream().mapToLong(CreditUsageView.Group::credits).sum();
        return new CreditUsageView(credits, calls, seconds, groups);
    }
}
