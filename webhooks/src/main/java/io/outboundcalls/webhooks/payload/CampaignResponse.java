package io.outboundcalls.webhooks.payload;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.outboundcalls.events.call.CallOutcome;
import io.outboundcalls.events.campaign.CampaignSchedule;
import io.outboundcalls.events.campaign.CampaignSettings;
import io.outboundcalls.query.campaign.CampaignStats;
import io.outboundcalls.query.campaign.CampaignView;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The campaign object: {@code GET /v1/campaigns/:id} and the data of {@code campaign.completed}. */
@JsonPropertyOrder({"id", "object"})
public record CampaignResponse(String id, String object, String name, String agentId, String contactListId, Schedule schedule,
                               RetryRules retryRules, int concurrentCalls, String fromNumber, boolean testMode, String status,
                               String waitingReason, Instant nextDialAt, Stats stats, Instant startedAt, Instant completedAt,
                               Instant createdAt, Instant updatedAt) {

    public record CallingHours(String start, String end) {
    }

    public record Schedule(String startDate, String endDate, CallingHours callingHours, String timezone, List<String> days) {
    }

    public record RetryRules(int maxAttempts, int delayMinutes, List<String> retryOn) {
    }

    public record Stats(int totalContacts, int pending, int inProgress, int completed, int attempts,
                 Map<String, Integer> outcomes, long creditsSpent) {
    }

    public static CampaignResponse of(CampaignView view) {
        CampaignSettings s = view.settings();
        CampaignSchedule sc = s.schedule();
        CampaignStats st = view.stats();
        Map<String, Integer> outcomes = new LinkedHashMap<>();
        for (CallOutcome outcome : CallOutcome.values()) {
            outcomes.put(outcome.apiName(), st.outcomes().getOrDefault(outcome.apiName(), 0));
        }
        return new CampaignResponse(view.id(), "campaign", s.name(), s.agentId(), s.contactListId(),
                new Schedule(sc.startDate(), sc.endDate(), new CallingHours(sc.callingHoursStart(), sc.callingHoursEnd()),
                        sc.timezone(), sc.days()),
                new RetryRules(s.retryRules().maxAttempts(), s.retryRules().delayMinutes(), s.retryRules().retryOn()),
                s.concurrentCalls(), s.fromNumber(), s.inTestMode(), view.status(), view.waitingReason(), view.nextDialAt(),
                new Stats(st.totalContacts(), st.pending(), st.inProgress(), st.completed(), st.attempts(), outcomes,
                        st.creditsSpent()),
                view.startedAt(), view.completedAt(), view.createdAt(), view.updatedAt());
    }
}
