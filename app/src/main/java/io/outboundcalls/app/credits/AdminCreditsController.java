package io.outboundcalls.app.credits;

import io.outboundcalls.app.web.ApiException;
import io.outboundcalls.app.web.JsonBodies;
import io.outboundcalls.app.web.JsonFields;
import io.outboundcalls.app.web.ReadYourWrites;
import io.outboundcalls.command.account.AccountRegistry;
import io.outboundcalls.command.common.Ids;
import io.outboundcalls.command.credits.AdjustCreditsCommand;
import io.outboundcalls.command.credits.CreditAccountIds;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
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

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ReadYourWrites readYourWrites;
    private final JsonBodies bodies;
    private final AccountRegistry registry;

    AdminCreditsController(CommandGateway commands, QueryGateway queries, ReadYourWrites readYourWrites,
                           JsonBodies bodies, AccountRegistry registry) {
        this.commands = commands;
        this.queries = queries;
        this.readYourWrites = readYourWrites;
        this.bodies = bodies;
        this.registry = registry;
    }

    @PostMapping("/adjust")
    @ResponseStatus(HttpStatus.CREATED)
    CreditResponses.Transaction adjust(@PathVariable String id, HttpServletRequest request) {
        JsonFields f = bodies.read(request);
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
        commands.sendAndWait(new AdjustCreditsCommand(creditAccountId, id, transactionId, amount, reason));
        readYourWrites.await(CreditsController.BALANCES, creditAccountId);
        readYourWrites.await(CreditsController.LEDGER, creditAccountId);
        return CreditResponses.Transaction.of(CreditQueries.transaction(queries, id, transactionId));
    }
}
