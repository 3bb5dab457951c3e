package io.outboundcalls.app.security;

import io.outboundcalls.telephony.relay.RelayConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The ConversationRelay websocket's upgrade request reaches its handshake, which checks Twilio's signature
 * itself (telephony's {@code RelayHandshakeSignature}): a refused signature is a 403 there, with no upgrade.
 * Only with provider=twilio; otherwise the path is unknown like any other (404).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "outboundcalls.telephony.provider", havingValue = "twilio")
class RelayHandshakeSecurity {

    @Bean
    @Order(3)
    SecurityFilterChain relayHandshake(HttpSecurity http) throws Exception {
        return http.securityMatcher(RelayConfiguration.PATH)
                .csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .build();
    }
}
