package io.outboundcalls.command.call;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A call receives its provider's reports (ringing, answered, ended) within seconds of being
 * placed: keeping the aggregate in memory saves reading its events back for each report. The
 * event store's sequence numbers still decide: a report handled on a stale copy (another node
 * moved the call meanwhile) fails to append, is rolled back and evicts the copy.
 */
@Configuration(proxyBeanMethods = false)
class CallConfiguration {

    static final String CACHE = "callCache";

    @Bean(CACHE)
    Cache callCache() {
        return new WeakReferenceCache();
    }
}
