package io.outboundcalls.app.security;

import io.outboundcalls.app.config.OutboundCallsProperties;
import io.outboundcalls.app.ratelimit.ClientAddressLimits;
import io.outboundcalls.app.ratelimit.RateLimitFilter;
import io.outboundcalls.app.web.ApiException;
import io.outboundcalls.app.web.ApiKeyUsage;
import io.outboundcalls.app.web.ProblemWriter;
import io.outboundcalls.telephony.twilio.TwilioProperties;
import io.outboundcalls.telephony.twilio.TwilioSignature;
import jakarta.servlet.Filter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.HeaderWriterFilter;

/**
 * The one place that authenticates and authorizes. Every request first passes the
 * {@link CanonicalPathFirewall}, so the paths matched below are the paths Spring MVC routes; then
 * exactly one chain applies:
 * <ul>
 *   <li>{@code /admin/**}: the operator token ({@link OperatorTokenFilter});</li>
 *   <li>{@code /v1/**}: an API key ({@link ApiKeyAuthenticationFilter}), then the account's rate limits;
 *       only the OpenAPI document is public;</li>
 *   <li>{@code /telephony/**}, only with {@code provider=twilio}: Twilio's request signature
 *       ({@link TwilioSignatureFilter}); the relay websocket's upgrade has its own chain before it
 *       ({@link RelayHandshakeSecurity}), its handshake checks the signature;</li>
 *   <li>everything else: the health probes and the error page; any other path is 404.</li>
 * </ul>
 * The body of a request is read only after its chain has let it through (the body and
 * idempotency filters are ordered after Spring Security's).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    static final String OPENAPI_DOCUMENT = "/v1/openapi.json";
    static final SimpleGrantedAuthority CUSTOMER = new SimpleGrantedAuthority("ROLE_CUSTOMER");
    static final SimpleGrantedAuthority OPERATOR = new SimpleGrantedAuthority("ROLE_OPERATOR");
    static final SimpleGrantedAuthority TWILIO = new SimpleGrantedAuthority("ROLE_TWILIO");

    /**
     * No observation of Spring Security's filters, authentications or authorizations: with
     * observations on, every request wraps each filter of its chain in a new observing filter,
     * profiled at about 7 % of a write's CPU, for metrics no one reads (the HTTP server requests
     * observation, which serves latency by route and status at /admin/metrics, stays).
     * {@code management.observations.enable.spring.security=false} only silences those
     * observations, it keeps the wrapping.
     */
    @Bean
    static SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    WebSecurityCustomizer canonicalPathsOnly(RejectedRequests rejectedRequests) {
        return web -> web.httpFirewall(new CanonicalPathFirewall()).requestRejectedHandler(rejectedRequests);
    }

    @Bean
    @Order(1)
    SecurityFilterChain operatorApi(HttpSecurity http, OutboundCallsProperties properties,
                                    ClientAddressLimits addressLimits, ProblemWriter problems) throws Exception {
        return stateless(http.securityMatcher("/admin/**"), problems)
                .addFilterBefore(new OperatorTokenFilter(properties, addressLimits, problems),
                        AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests.anyRequest().hasAuthority(OPERATOR.getAuthority()))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain customerApi(HttpSecurity http, PrincipalCache principals, ApiKeyUsage usage,
                                    ClientAddressLimits addressLimits, RateLimitFilter rateLimits,
                                    ProblemWriter problems) throws Exception {
        ApiKeyAuthenticationFilter apiKeys = new ApiKeyAuthenticationFilter(principals, usage, addressLimits, problems);
        return stateless(http.securityMatcher("/v1/**"), problems)
                .addFilterBefore(apiKeys, AnonymousAuthenticationFilter.class)
                .addFilterAfter(rateLimits, ApiKeyAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(OPENAPI_DOCUMENT).permitAll()
                        .anyRequest().hasAuthority(CUSTOMER.getAuthority()))
                .build();
    }

    @Bean
    @Order(4)
    @ConditionalOnProperty(name = "outboundcalls.telephony.provider", havingValue = "twilio")
    SecurityFilterChain twilioCallbackChain(HttpSecurity http, TwilioSignature signature, TwilioProperties twilio,
                                        ProblemWriter problems) throws Exception {
        TwilioSignatureFilter signatures = new TwilioSignatureFilter(signature, twilio.publicBaseUrl(), problems);
        return stateless(http.securityMatcher("/telephony/**"), problems)
                .addFilterBefore(signatures, AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests.anyRequest().hasAuthority(TWILIO.getAuthority()))
                .build();
    }

    @Bean
    @Order(Integer.MAX_VALUE)
    SecurityFilterChain everythingElse(HttpSecurity http, ProblemWriter problems) throws Exception {
        AccessDeniedHandler notFound = (request, response, e) -> problems.write(new ApiException(HttpStatus.NOT_FOUND,
                "route_not_found", null, "No such route: " + request.getMethod() + " " + request.getRequestURI()),
                request, response);
        return stateless(http, problems)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/health", "/health/**", "/error").permitAll()
                        .anyRequest().denyAll())
                .exceptionHandling(e -> e.accessDeniedHandler(notFound)
                        .authenticationEntryPoint((request, response, ex) -> notFound.handle(request, response, null)))
                .build();
    }

    /** The rate-limit filter runs inside the /v1 chain only, not also as a servlet filter of its own. */
    @Bean
    FilterRegistrationBean<Filter> rateLimitFilterInChainOnly(RateLimitFilter rateLimits) {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(rateLimits);
        registration.setEnabled(false);
        return registration;
    }

    /** Tokens and keys, not cookies: no session, no CSRF token, no login form or Basic challenge. */
    private static HttpSecurity stateless(HttpSecurity http, ProblemWriter problems) throws Exception {
        return http.csrf(csrf -> csrf.disable())
                // the security headers go out before the handler runs, instead of through a response wrapper
                // that watches every write for the commit (profiled on the path of every byte of a listed page)
                .headers(headers -> headers.addObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                    @Override
                    public <O extends HeaderWriterFilter> O postProcess(O filter) {
                        filter.setShouldWriteHeadersEagerly(true);
                        return filter;
                    }
                }))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> problems.write(new ApiException(
                                HttpStatus.UNAUTHORIZED, "unauthenticated", null, "Authentication is required"),
                                request, response))
                        .accessDeniedHandler((request, response, ex) -> problems.write(new ApiException(
                                HttpStatus.FORBIDDEN, "forbidden", null, "Not allowed"), request, response)));
    }
}
