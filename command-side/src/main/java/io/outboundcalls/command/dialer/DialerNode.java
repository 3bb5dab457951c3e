package io.outboundcalls.command.dialer;

import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * This node's identity as a holder of dialer slots, new at every start: a restarted node does
 * not pretend to still hold what its previous life claimed (those leases expire and any node
 * recovers them, asking the provider first).
 */
@Component
public class DialerNode {

    private final String id = "node-" + UUID.randomUUID();

    public String id() {
        return id;
    }
}
