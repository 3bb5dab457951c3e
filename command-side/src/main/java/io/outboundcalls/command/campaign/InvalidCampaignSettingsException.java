package io.outboundcalls.command.campaign;

import io.outboundcalls.command.common.CommandRejectedException;
import java.util.List;

/**
 * Settings that break {@link CampaignRules}, with every violation: the HTTP edge answers 422 with
 * all of them ({@code errors}), the first one as the problem's {@code code} and {@code param}.
 */
public class InvalidCampaignSettingsException extends CommandRejectedException {

    private final List<CampaignRules.Violation> violations;

    public InvalidCampaignSettingsException(List<CampaignRules.Violation> violations) {
        super(Kind.INVALID, violations.get(0).code(), violations.get(0).param(), violations.get(0).detail());
        this.violations = List.copyOf(violations);
    }

    public List<CampaignRules.Violation> violations() {
        return violations;
    }
}
