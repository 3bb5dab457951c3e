package io.outboundcalls.app.credits;

import io.swagger.v3.oas.annotations.media.Schema;

/** The credit bodies as the OpenAPI document describes them; {@link CreditsController} reads and checks them. */
final class CreditBodies {

    private CreditBodies() {
    }

    @Schema(name = "PurchaseCreditsRequest", requiredProperties = "amount")
    record Purchase(@Schema(minimum = "1", maximum = "1000000", example = "10000", description = "Credits to buy") Long amount) {
    }

    @Schema(name = "CreditSettingsRequest", requiredProperties = "low_balance_threshold")
    record Settings(@Schema(minimum = "0", example = "500", description = "credits.low fires when the balance drops below it")
                    Long lowBalanceThreshold) {
    }
}
