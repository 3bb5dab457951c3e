package io.outboundcalls.app.credits;

import io.outboundcalls.app.web.ApiGateway;
import io.outboundcalls.app.web.ApiException;
import io.outboundcalls.app.web.JsonFields;
import io.outboundcalls.command.account.AccountRegistry;
import io.outboundcalls.command.common.Ids;
import io.outboundcalls.command.credits.AdjustCreditsCommand;
import io.outboundcalls.command.credits.CreditAccountIds;
import io.outboundcalls.query.credits.CreditBalanceProjection;
import io.outboundcalls.query.credits.CreditLedgerProjection;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Operator corrections of an account's credits, kept in its ledger with their reason. */
@RestController
@RequestMapping("/admin/accounts/{id}/credits")
class AdminCreditsController {

    private final ApiGateway api;
    private final AccountRegistry registry;

    AdminCreditsController(ApiGateway api, AccountRegistry registry) {
        this.api = api;
        this.registry = registry;
    }

    @PostMapping("/adjust")
    @ResponseStatus(HttpStatus.CREATED)
    CreditResponses.Transaction adjust(@PathVariable String id, HttpServletRequest request) {
        JsonFields f = api.body(request);
        Long amount = f.optionalLong("amount", -CreditsController.MAX_PURCHASE * 1000, CreditsController.MAX_PURCHASE * 1000);
        if (amount == null && !f.hasErrors()) {
            f.error("amount", "parameter_missing", "'amount' is required");
        } else if (amount != null && amount == 0) {
            f.error("amount", "out_of_range", "'amount' cannot be 0");
        }
        String reason = f.requiredString("reason", 500);
        f.throwIfInvalid();
        if (registry.findAccount(id).isEmpty()) {
            throw ApiException.notFound("account", id);
        }
        String transactionId = Ids.newId("txn");
        String creditAccountId = CreditAccountIds.of(id);
        api.send(new AdjustCreditsCommand(creditAccountId, id, transactionId, amount, reason));
        api.awaitProjection(CreditBalanceProjection.PROCESSING_GROUP, creditAccountId);
        api.awaitProjection(CreditLedgerProjection.PROCESSING_GROUP, creditAccountId);
        return CreditResponses.Transaction.of(CreditQueries.transaction(api, id, transactionId));
    }
}
