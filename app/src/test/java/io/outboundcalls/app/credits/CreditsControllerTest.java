package io.outboundcalls.app.credits;

import io.outboundcalls.app.web.ApiException;
import io.outboundcalls.app.web.ApiGateway;
import io.outboundcalls.command.account.AccountRegistry.Principal;
import io.outboundcalls.events.account.AccountLimits;
import io.outboundcalls.events.account.Tier;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

/** Purchases with no payment provider configured: the controller alone, no application context. */
class CreditsControllerTest {

    @Test
    void withoutAPaymentProviderPurchasesAreDisabledAndNothingIsSent() {
        ApiGateway api = mock(ApiGateway.class);
        CreditsController controller = new CreditsController(api, Optional.empty());
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/v1/credits/purchase");
        request.setContentType("application/json");
        request.setContent("{\"amount\": 500}".getBytes(StandardCharsets.UTF_8));

        ApiException refused = catchThrowableOfType(ApiException.class, () -> controller.purchase(
                new Principal("acct_1", "key_1", Tier.ENTERPRISE, AccountLimits.NONE), request));

        assertThat(refused.status()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.code()).isEqualTo("purchases_disabled");
        assertThat(refused.getMessage()).contains("POST /admin/accounts/:id/credits/adjust");
        verifyNoInteractions(api); // no command: no credits, no ledger row
    }

    @Test
    void theSameIdempotencyKeyOfTheSameAccountNamesTheSamePurchase() {
        String first = CreditsController.purchaseId("acct_1", "order-1");
        assertThat(CreditsController.purchaseId("acct_1", " order-1 ")).isEqualTo(first);
        assertThat(first).startsWith("txn_").hasSize(30);
        assertThat(CreditsController.purchaseId("acct_2", "order-1")).isNotEqualTo(first);
        assertThat(CreditsController.purchaseId("acct_1", "order-2")).isNotEqualTo(first);
        assertThat(CreditsController.purchaseId("acct_1", null)).isNotEqualTo(CreditsController.purchaseId("acct_1", null));
    }
}
