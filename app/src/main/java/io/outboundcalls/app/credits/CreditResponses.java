package io.outboundcalls.app.credits;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.outboundcalls.query.credits.CreditAuditView;
import io.outboundcalls.query.credits.CreditTransactionView;
import io.outboundcalls.query.credits.CreditUsageView;

import java.time.Instant;
import java.util.List;

/** What {@code /v1/credits} answers besides the balance object ({@code webhooks.payload.Balance}). */
final class CreditResponses {

    private CreditResponses() {
    }

    /** {@code provider} and {@code payment_reference} are always present: null on what no provider paid. */
    @JsonPropertyOrder({"id", "object"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Transaction(String id, String object, String type, long amount, long balanceAfter, long reservedAfter,
                       long availableAfter, String reservationId, String callId, String campaignId, String reason,
                       @JsonInclude(JsonInclude.Include.ALWAYS) String provider,
                       @JsonInclude(JsonInclude.Include.ALWAYS) String paymentReference, Instant createdAt) {

        static Transaction of(CreditTransactionView view) {
            return new Transaction(view.id(), "credit_transaction", view.type(), view.amount(), view.balanceAfter(),
                    view.reservedAfter(), view.availableAfter(), view.reservationId(), view.callId(),
                    view.campaignId(), view.reason(), view.provider(), view.paymentReference(), view.createdAt());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record UsageGroup(String date, String campaignId, String agentId, long calls, long billedSeconds, long credits) {
    }

    record Usage(String object, Instant start, Instant end, String groupBy, long totalCredits, long totalCalls,
                 long totalBilledSeconds, List<UsageGroup> data) {

        static Usage of(CreditUsageView view, Instant start, Instant end, String groupBy) {
            List<UsageGroup> data = view.groups().stream().map(g -> switch (groupBy) {
                case "campaign" -> new UsageGroup(null, g.key(), null, g.calls(), g.billedSeconds(), g.credits());
                case "agent" -> new UsageGroup(null, null, g.key(), g.calls(), g.billedSeconds(), g.credits());
                default -> new UsageGroup(g.key(), null, null, g.calls(), g.billedSeconds(), g.credits());
            }).toList();
            return new Usage("usage", start, end, groupBy, view.totalCredits(), view.totalCalls(),
                    view.totalBilledSeconds(), data);
        }
    }

    record Figures(String source, long balance, long reserved, long available) {
    }

    record Audit(String object, Instant asOf, long balance, long reserved, long available, Figures readModel,
                 boolean consistent, long eventsReplayed) {

        static Audit of(CreditAuditView view) {
            CreditAuditView.Figures events = view.fromEvents();
            CreditAuditView.Figures model = view.readModel();
            return new Audit("credit_audit", view.asOf(), events.balance(), events.reserved(), events.available(),
                    new Figures(view.readModelSource(), model.balance(), model.reserved(), model.available()),
                    view.consistent(), view.eventsReplayed());
        }
    }
}
