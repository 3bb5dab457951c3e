package io.outboundcalls.app.credits;

import io.outboundcalls.app.web.ApiGateway;
import io.outboundcalls.app.web.ApiException;
import io.outboundcalls.app.web.ApiList;
import io.outboundcalls.app.web.JsonFields;
import io.outboundcalls.app.web.ListParams;
import io.outboundcalls.command.account.AccountRegistry.Principal;
import io.outboundcalls.command.common.Ids;
import io.outboundcalls.command.credits.ChangeLowBalanceThresholdCommand;
import io.outboundcalls.command.credits.ConfirmCreditPurchaseCommand;
import io.outboundcalls.command.credits.CreditAccountIds;
import io.outboundcalls.command.credits.CreditPurchase;
import io.outboundcalls.command.credits.DeclineCreditPurchaseCommand;
import io.outboundcalls.command.credits.PaymentProvider;
import io.outboundcalls.command.credits.PurchaseNotPendingException;
import io.outboundcalls.command.credits.RequestCreditPurchaseCommand;
import io.outboundcalls.query.credits.AuditCreditsQuery;
import io.outboundcalls.query.credits.CreditAuditView;
import io.outboundcalls.query.credits.CreditBalanceProjection;
import io.outboundcalls.query.credits.CreditBalanceView;
import io.outboundcalls.query.credits.CreditLedgerProjection;
import io.outboundcalls.query.credits.CreditTransactionView;
import io.outboundcalls.query.credits.CreditUsageQuery;
import io.outboundcalls.query.credits.CreditUsageView;
import io.outboundcalls.query.credits.FindCreditBalanceQuery;
import io.outboundcalls.query.credits.ListCreditTransactionsQuery;
import io.outboundcalls.query.common.Page;
import io.outboundcalls.webhooks.payload.Balance;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** {@code /v1/credits}: purchases and settings go to the CreditAccount aggregate, reads to the credit projections. */
@Tag(name = "Credits", description = "The prepaid balance calls are charged to")
@RestController
@RequestMapping("/v1/credits")
class CreditsController {

    static final long MAX_PURCHASE = 1_000_000;
    /** Far beyond any real balance, small enough that sums never overflow. */
    static final long MAX_THRESHOLD = 1_000_000_000_000L;
    private static final Set<String> TYPES = Set.of("purchase", "reservation", "charge", "release", "adjustment");
    private static final Set<String> GROUPS = Set.of("day", "campaign", "agent");
    /** The API's idempotency header (docs/api.md §2). */
    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** A provider that did not answer is usually back within seconds; a retry resumes the pending purchase. */
    private static final long PAYMENT_RETRY_AFTER_SECONDS = 5;
    private static final Logger log = LoggerFactory.getLogger(CreditsController.class);

    private final ApiGateway api;
    private final Optional<PaymentProvider> payments;

    CreditsController(ApiGateway api, Optional<PaymentProvider> payments) {
        this.api = api;
        this.payments = payments;
    }

    @GetMapping("/balance")
    @Operation(operationId = "getCreditBalance", summary = "Retrieve the credit balance")
    Balance balance(Principal principal) {
        return Balance.of(findBalance(principal.accountId()));
    }

    /**
     * A purchase is accepted by the CreditAccount before the provider is asked for money, and the
     * provider's answer is recorded on it. The transaction id is the provider's idempotency key; with an
     * Idempotency-Key it is derived from it, so a retry of a request that died after the charge resumes
     * the same purchase and the provider sees the same key: charged once, credited once.
     */
    @PostMapping("/purchase")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "purchaseCredits", summary = "Buy credits")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CreditBodies.Purchase.class)))
    @ApiResponse(responseCode = "402", description = "payment_declined: the payment provider refused the payment")
    @ApiResponse(responseCode = "403", description = "purchases_disabled: no payment provider is configured")
    CreditResponses.Transaction purchase(Principal principal, HttpServletRequest request) {
        PaymentProvider provider = payments.orElseThrow(CreditsController::purchasesDisabled);
        JsonFields f = api.body(request);
        Long amount = f.optionalLong("amount", 1, MAX_PURCHASE);
        if (amount == null && !f.hasErrors()) {
            f.error("amount", "parameter_missing", "'amount' is required");
        }
        f.throwIfInvalid();
        String accountId = principal.accountId();
        String creditAccountId = CreditAccountIds.of(accountId);
        String idempotencyKey = request.getHeader(IDEMPOTENCY_KEY);
        RequestCreditPurchaseCommand requested = new RequestCreditPurchaseCommand(creditAccountId, accountId,
                purchaseId(accountId, idempotencyKey), amount, provider.name());
        CreditPurchase purchase = api.send(requested);
        if (purchase.awaitsPayment()) {
            purchase = pay(provider, requested, idempotencyKey != null);
        }
        if (purchase.status() == CreditPurchase.Status.DECLINED) {
            throw new ApiException(HttpStatus.PAYMENT_REQUIRED, "payment_declined", null,
                    "The payment was declined: " + purchase.declineReason());
        }
        api.awaitProjection(CreditBalanceProjection.PROCESSING_GROUP, creditAccountId);
        api.awaitProjection(CreditLedgerProjection.PROCESSING_GROUP, creditAccountId);
        return CreditResponses.Transaction.of(CreditQueries.transaction(api, accountId, requested.transactionId()));
    }

    /**
     * Charges a pending purchase and records the provider's answer on it. When the provider fails, nobody
     * knows whether it charged: the purchase stays pending and the answer is a 5xx, which the
     * Idempotency-Key store does not keep, so a retry with the key resumes this purchase.
     */
    private CreditPurchase pay(PaymentProvider provider, RequestCreditPurchaseCommand purchase, boolean resumable) {
        PaymentProvider.Payment payment;
        try {
            payment = provider.pay(purchase.accountId(), purchase.transactionId(), purchase.amount());
        } catch (RuntimeException e) {
            log.warn("Payment provider {} failed on purchase {}, which stays pending", provider.name(),
                    purchase.transactionId(), e);
            ApiException unavailable = new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "payment_provider_unavailable", null,
                    "The payment provider did not answer about purchase " + purchase.transactionId() + ". " + (resumable
                            ? "Retry with the same Idempotency-Key: the purchase resumes and is charged at most once."
                            : "It may have been charged: ask an operator rather than buying again, and send an "
                                    + "Idempotency-Key with purchases so that a retry can resume them."));
            // only a purchase with an Idempotency-Key can be retried safely, so only its answer invites one
            throw resumable ? unavailable.retryAfter(PAYMENT_RETRY_AFTER_SECONDS) : unavailable;
        }
        try {
            if (payment.paid()) {
                api.send(new ConfirmCreditPurchaseCommand(purchase.creditAccountId(), purchase.accountId(),
                        purchase.transactionId(), payment.reference()));
            } else {
                api.send(new DeclineCreditPurchaseCommand(purchase.creditAccountId(), purchase.accountId(),
                        purchase.transactionId(), payment.declineReason()));
            }
        } catch (PurchaseNotPendingException finishedMeanwhile) {
            // a retry with the same key got there first: its outcome stands
        }
        return api.send(purchase);
    }

    /** With an Idempotency-Key, the same key of the same account always names the same purchase. */
    static String purchaseId(String accountId, String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return Ids.newId("txn");
        }
        return Ids.derivedId("txn", "purchase\n" + accountId + "\n" + idempotencyKey.strip());
    }

    private static ApiException purchasesDisabled() {
        return new ApiException(HttpStatus.FORBIDDEN, "purchases_disabled", null,
                "Purchases are disabled: this installation has no payment provider. An operator grants credits "
                        + "with POST /admin/accounts/:id/credits/adjust.");
    }

    @GetMapping("/transactions")
    @Operation(operationId = "listCreditTransactions", summary = "List the credit ledger")
    @Parameter(in = ParameterIn.QUERY, name = "type", description = "Only transactions of this type",
            schema = @Schema(allowableValues = {"purchase", "reservation", "charge", "release", "adjustment"}))
    ApiList<CreditResponses.Transaction> transactions(Principal principal, HttpServletRequest request) {
        ListParams params = ListParams.of(request, "type");
        var page = params.page("txn");
        String type = params.enumValue("type", TYPES);
        params.throwIfInvalid();
        Page<CreditTransactionView> result = api.page(new ListCreditTransactionsQuery(principal.accountId(), type, page), CreditTransactionView.class);
        return ApiList.of(result, CreditResponses.Transaction::of);
    }

    @GetMapping("/usage")
    @Operation(operationId = "getCreditUsage", summary = "Summarise credits spent")
    @Parameter(in = ParameterIn.QUERY, name = "start", description = "From (ISO-8601 instant or date)", schema = @Schema(type = "string"))
    @Parameter(in = ParameterIn.QUERY, name = "end", description = "Until (ISO-8601 instant, or a date: its end)", schema = @Schema(type = "string"))
    @Parameter(in = ParameterIn.QUERY, name = "group_by", description = "How to group the figures",
            schema = @Schema(allowableValues = {"day", "campaign", "agent"}))
    CreditResponses.Usage usage(Principal principal, HttpServletRequest request) {
        ListParams params = ListParams.of(request, "start", "end", "group_by");
        Instant start = params.instant("start");
        Instant end = endOf(request.getParameter("end"), params.instant("end"));
        String groupBy = params.enumValue("group_by", GROUPS);
        if (start != null && end != null && !start.isBefore(end)) {
            params.error("end", "invalid_range", "'end' must be after 'start'");
        }
        params.throwIfInvalid();
        String group = groupBy == null ? "day" : groupBy;
        CreditUsageView usage = api.query(new CreditUsageQuery(principal.accountId(), start, end,
                CreditUsageQuery.GroupBy.valueOf(group.toUpperCase(Locale.ROOT))), CreditUsageView.class);
        return CreditResponses.Usage.of(usage, start, end, group);
    }

    @PatchMapping("/settings")
    @Operation(operationId = "updateCreditSettings", summary = "Change the low-balance threshold")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CreditBodies.Settings.class)))
    Balance settings(Principal principal, HttpServletRequest request) {
        JsonFields f = api.body(request);
        Long threshold = f.optionalLong("low_balance_threshold", 0, MAX_THRESHOLD);
        if (threshold == null && !f.hasErrors()) {
            f.error("low_balance_threshold", "parameter_missing", "'low_balance_threshold' is required");
        }
        f.throwIfInvalid();
        String creditAccountId = CreditAccountIds.of(principal.accountId());
        api.send(new ChangeLowBalanceThresholdCommand(creditAccountId, principal.accountId(), threshold));
        api.awaitProjection(CreditBalanceProjection.PROCESSING_GROUP, creditAccountId);
        return balance(principal);
    }

    @GetMapping("/audit")
    @Operation(operationId = "auditCredits", summary = "Recompute the balance from the event store")
    @Parameter(in = ParameterIn.QUERY, name = "as_of", description = "The balance as of this instant (ISO-8601); now when left out",
            schema = @Schema(type = "string", format = "date-time"))
    CreditResponses.Audit audit(Principal principal, HttpServletRequest request) {
        ListParams params = ListParams.of(request, "as_of");
        Instant asOf = params.instant("as_of");
        params.throwIfInvalid();
        CreditAuditView audit = api.query(new AuditCreditsQuery(principal.accountId(),
                CreditAccountIds.of(principal.accountId()), asOf), CreditAuditView.class);
        return CreditResponses.Audit.of(audit);
    }

    private CreditBalanceView findBalance(String accountId) {
        return api.query(new FindCreditBalanceQuery(accountId), CreditBalanceView.class);
    }

    /** A bare date as {@code end} means "through that day": the range stops at the next midnight. */
    private static Instant endOf(String raw, Instant parsed) {
        if (parsed != null && raw != null && raw.strip().length() == 10) {
            return parsed.plus(Duration.ofDays(1));
        }
        return parsed;
    }
}
