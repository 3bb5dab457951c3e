package io.outboundcalls.webhooks.payload;

import io.outboundcalls.events.credits.CreditBalanceLowEvent;
import io.outboundcalls.query.credits.CreditBalanceView;
import io.outboundcalls.webhooks.EventTypes;
import io.outboundcalls.webhooks.outbox.PublicEvent;
import io.outboundcalls.webhooks.outbox.PublicEventMapper;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.Set;

/**
 * {@code credits.low}: the balance object at the moment {@code available} crossed below the
 * threshold. The event carries every figure of the balance view as it was then, so no read model
 * is read (it may have moved on) and the numbers are exact.
 */
@Component
class CreditWebhooks implements PublicEventMapper {

    @Override
    public Set<Class<?>> payloadTypes() {
        return Set.of(CreditBalanceLowEvent.class);
    }

    @Override
    public Optional<PublicEvent> map(EventMessage<?> event) {
        if (!(event.getPayload() instanceof CreditBalanceLowEvent e)) {
            return Optional.empty();
        }
        return Optional.of(PublicEvent.of(EventTypes.CREDITS_LOW, e.accountId(),
                () -> Balance.of(new CreditBalanceView(e.accountId(), e.balance(), e.reserved(), e.threshold()))));
    }
}
