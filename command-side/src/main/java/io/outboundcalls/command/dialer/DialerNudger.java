package io.outboundcalls.command.dialer;

import io.outboundcalls.platform.NamedThreads;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Wakes the dialer for a campaign, coalescing wake-ups: while a tick runs, any number of
 * nudges for the same campaign cause exactly one more tick, never a queue of them.
 */
@Component
class DialerNudger implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DialerNudger.class);

    private final DialerEngine engine;
    private final ConcurrentHashMap<String, Boolean> dirty = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newFixedThreadPool(2, NamedThreads.named("dialer-tick"));

    DialerNudger(@Lazy DialerEngine engine) {
        this.engine = engine;
    }

    void nudge(String campaignId) {
        if (dirty.put(campaignId, Boolean.TRUE) == null) {
            executor.execute(() -> drain(campaignId));
        }
    }

    private void drain(String campaignId) {
        do {
            dirty.put(campaignId, Boolean.FALSE);
            try {
                engine.tick(campaignId);
            } catch (RuntimeException e) {
                // the sweep comes back to this campaign within a second
                log.warn("Dialer tick for {} failed: {}", campaignId, e.toString());
            }
        } while (!dirty.remove(campaignId, Boolean.FALSE));
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
