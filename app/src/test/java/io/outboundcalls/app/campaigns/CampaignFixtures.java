package io.outboundcalls.app.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.outboundcalls.app.support.ApiClient;
import io.outboundcalls.app.support.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds what a campaign needs through the public API, and reads call events back from the store. */
final class CampaignFixtures {

    private CampaignFixtures() {
    }

    static String agent(ApiClient api, int maxDurationSeconds) {
        ApiClient.Response created = api.post("/v1/agents", Map.of(
                "name", "Ava", "prompt", "You help {{first_name}} book a {{product}} demo. Be brief.",
                "first_message", "Hi {{first_name}}, this is Ava about your {{product}} demo.",
                "max_duration_seconds", maxDurationSeconds,
                "voicemail", Map.of("action", "leave_message", "message", "Hi {{first_name}}, please call us back.")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asText();
    }

    static String list(ApiClient api) {
        ApiClient.Response created = api.post("/v1/contact_lists", Map.of("name", "Campaign list"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asText();
    }

    static String contact(ApiClient api, String listId, String phone, String firstName, String timezone) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("phone_number", phone);
        body.put("first_name", firstName);
        body.put("metadata", Map.of("product", "solar"));
        body.put("list_ids", List.of(listId));
        if (timezone != null) {
            body.put("timezone", timezone);
        }
        ApiClient.Response created = api.post("/v1/contacts", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asText();
    }

    static void buyCredits(ApiClient api, long amount) {
        ApiClient.Response bought = api.post("/v1/credits/purchase", Map.of("amount", amount));
        assertThat(bought.status()).as(bought.toString()).isEqualTo(201);
    }

    static Map<String, Object> campaignBody(String agentId, String listId, String start, String end, int concurrent,
                                            int maxAttempts, int delayMinutes) {
        return Map.of("name", "Test campaign", "agent_id", agentId, "contact_list_id", listId,
                "schedule", Map.of("start_date", "2026-01-01", "calling_hours", Map.of("start", start, "end", end),
                        "timezone", "Europe/London"),
                "retry_rules", Map.of("max_attempts", maxAttempts, "delay_minutes", delayMinutes),
                "concurrent_calls", concurrent);
    }

    static JsonNode create(ApiClient api, Map<String, Object> body) {
        ApiClient.Response created = api.post("/v1/campaigns", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    /** One call event of a campaign, in the store's global order. */
    record CallEvent(long globalIndex, String callId, String type, Map<String, Object> payload) {
    }

    static List<CallEvent> callEvents(String campaignId) {
        TestDatabase.Connection db = TestDatabase.get();
        List<CallEvent> events = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(db.url(), db.username(), db.password());
             PreparedStatement s = c.prepareStatement("""
                     select globalIndex, aggregateIdentifier, payloadType, convert_from(payload, 'UTF8')
                     from eventstore.domain_event_entry
                     where payloadType like 'io.outboundcalls.events.call.%'
                       and convert_from(payload, 'UTF8')::jsonb ->> 'campaignId' = ?
                     order by globalIndex""")) {
            s.setString(1, campaignId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> payload = new com.fasterxml.jackson.databind.ObjectMapper().readValue(rs.getString(4), Map.class);
                    String type = rs.getString(3);
                    events.add(new CallEvent(rs.getLong(1), rs.getString(2), type.substring(type.lastIndexOf('.') + 1), payload));
                }
            }
        } catch (SQLException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return events;
    }

    /** Replays the events in order: the most calls ever between placed and ended at once. */
    static int maxInFlight(List<CallEvent> events) {
        int inFlight = 0;
        int max = 0;
        for (CallEvent e : events) {
            if (e.type().equals("CallPlacedEvent")) {
                max = Math.max(max, ++inFlight);
            } else if (e.type().equals("CallCompletedEvent") || e.type().equals("CallFailedEvent")) {
                inFlight--;
            }
        }
        return max;
    }

    /**
     * How many times each call was dialed at the telephony port, from the simulator's own record
     * (shared by every node, as a provider's would be); 0 for a call never dialed.
     */
    static Map<String, Integer> dialsAtThePort(Collection<String> callIds) {
        Map<String, Integer> dials = new LinkedHashMap<>();
        callIds.forEach(callId -> dials.put(callId, 0));
        TestDatabase.Connection db = TestDatabase.get();
        try (Connection c = DriverManager.getConnection(db.url(), db.username(), db.password());
             PreparedStatement s = c.prepareStatement("select call_id, dials from dialer.simulated_calls where call_id = any (?)")) {
            s.setArray(1, c.createArrayOf("text", callIds.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    dials.put(rs.getString(1), rs.getInt(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return dials;
    }

    /** The ids of the calls a campaign placed (its Call aggregates), in order. */
    static List<String> placedCallIds(String campaignId) {
        return callEvents(campaignId).stream().filter(e -> e.type().equals("CallPlacedEvent")).map(CallEvent::callId).toList();
    }

    static long countOf(String campaignId, String payloadType) {
        return callEventsOfType(campaignId, payloadType);
    }

    private static long callEventsOfType(String campaignId, String payloadType) {
        TestDatabase.Connection db = TestDatabase.get();
        try (Connection c = DriverManager.getConnection(db.url(), db.username(), db.password());
             PreparedStatement s = c.prepareStatement("""
                     select count(*) from eventstore.domain_event_entry
                     where payloadType = ? and aggregateIdentifier = ?""")) {
            s.setString(1, payloadType);
            s.setString(2, campaignId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
