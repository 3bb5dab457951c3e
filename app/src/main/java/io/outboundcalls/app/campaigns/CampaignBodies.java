package io.outboundcalls.app.campaigns;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The campaign body as the OpenAPI document describes it; {@link CampaignRequests} reads and checks it. */
final class CampaignBodies {

    /** The published reference's example request (README, "First campaign"). */
    static final String EXAMPLE = """
            {"name": "Q1 Sales Outreach", "agent_id": "agent_abc123", "contact_list_id": "list_xyz789",
             "schedule": {"start_date": "2026-03-25", "calling_hours": {"start": "09:00", "end": "18:00"},
                          "timezone": "Europe/London"},
             "retry_rules": {"max_attempts": 3, "delay_minutes": 60},
             "concurrent_calls": 20}""";

    private CampaignBodies() {
    }

    @Schema(name = "CreateCampaignRequest", requiredProperties = {"name", "agent_id", "contact_list_id", "schedule"})
    record Create(@Schema(maxLength = 200) String name,
                  @Schema(example = "agent_abc123") String agentId,
                  @Schema(example = "list_xyz789") String contactListId,
                  Schedule schedule,
                  RetryRules retryRules,
                  @Schema(minimum = "1", maximum = "1000", defaultValue = "10") Integer concurrentCalls,
                  @Schema(description = "E.164 caller id", example = "+14155552671") String fromNumber) {
    }

    @Schema(name = "CampaignScheduleRequest", requiredProperties = {"calling_hours", "timezone"})
    record Schedule(@Schema(format = "date", example = "2026-03-25") String startDate,
                    @Schema(format = "date") String endDate,
                    CallingHours callingHours,
                    @Schema(description = "IANA time zone", example = "Europe/London") String timezone,
                    @Schema(description = "mon … sun; all days when left out") List<String> days) {
    }

    @Schema(name = "CallingHoursRequest", requiredProperties = {"start", "end"},
            description = "Within the account's legal calling window (default 08:00–21:00)")
    record CallingHours(@Schema(pattern = "^([01]\\d|2[0-3]):[0-5]\\d$", example = "09:00") String start,
                        @Schema(pattern = "^([01]\\d|2[0-3]):[0-5]\\d$", example = "18:00") String end) {
    }

    @Schema(name = "RetryRulesRequest")
    record RetryRules(@Schema(minimum = "1", maximum = "10", defaultValue = "3") Integer maxAttempts,
                      @Schema(minimum = "1", maximum = "10080", defaultValue = "60") Integer delayMinutes,
                      @Schema(description = "Outcomes that earn another attempt; default no_answer, busy, failed") List<String> retryOn) {
    }
}
