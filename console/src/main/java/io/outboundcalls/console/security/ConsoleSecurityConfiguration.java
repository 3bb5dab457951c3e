package io.outboundcalls.console.security;

import io.outboundcalls.console.member.MemberRegistry;
import io.outboundcalls.console.member.Members;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.AbstractFilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

import java.util.List;

/**
 * The console's part of Spring Security: a session (Spring Session JDBC, so any node serves it)
 * opened by the sign-in form, CSRF tokens on every form, sign-out. Ordered after the /admin and
 * /v1 chains and before the application's catch-all. A page without a session redirects to the
 * sign-in page; a live stream or an htmx request gets a plain 401 (neither can follow a redirect
 * to a form).
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurityConfiguration {

    static final String SIGN_IN = "/console/sign-in";
    static final String SIGN_OUT = "/console/sign-out";
    static final String COOKIE = "console_session";
    /** No inline script or style anywhere in the console: scripts and styles are files under /console. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; media-src 'self'; connect-src 'self'; frame-ancestors 'none'; "
            + "form-action 'self'; base-uri 'none'; object-src 'none'";

    @Bean
    @Order(5) // after the app's chains for /admin (1), /v1 (2), the relay upgrade (3) and /telephony (4); before the catch-all
    SecurityFilterChain console(HttpSecurity http, MemberRegistry registry, PasswordEncoder consolePasswordEncoder,
                                SignInLocks locks, Members memberService) throws Exception {
        MemberAuthenticationProvider members = new MemberAuthenticationProvider(registry, consolePasswordEncoder, locks);
        RequestMatcher noRedirect = request -> request.getHeader("HX-Request") != null
                || request.getRequestURI().endsWith("/stream");
        return http.securityMatcher("/console", "/console/**")
                .authenticationProvider(members)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(SIGN_IN, "/console/set-password", "/console/assets/**", "/console/webjars/**")
                        .permitAll()
                        .anyRequest().hasAuthority(MemberAuthenticationProvider.MEMBER.getAuthority()))
                .formLogin(form -> form.loginPage(SIGN_IN).loginProcessingUrl(SIGN_IN)
                        .usernameParameter("email").passwordParameter("password")
                        .successHandler(adoptingTheBrowsersTimeZone(memberService))
                        .failureHandler((request, response, e) -> response.sendRedirect(
                                SIGN_IN + (e instanceof LockedException ? "?locked" : "?error"))))
                .logout(logout -> logout.logoutUrl(SIGN_OUT).logoutSuccessUrl(SIGN_IN + "?signed-out")
                        .deleteCookies(COOKIE))
                .requestCache(cache -> cache.disable())
                .httpBasic(basic -> basic.disable())
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), noRedirect)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(SIGN_IN), request -> true))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(frames -> frames.deny()))
                .build();
    }

    /** To the Overview, after giving a member without a time zone the one their browser sent ({@code time_zone}). */
    private static AuthenticationSuccessHandler adoptingTheBrowsersTimeZone(Members members) {
        SimpleUrlAuthenticationSuccessHandler toOverview = new SimpleUrlAuthenticationSuccessHandler("/console");
        toOverview.setAlwaysUseDefaultTargetUrl(true);
        return (request, response, authentication) -> {
            members.adoptBrowserTimeZone(((ConsoleMember) authentication.getPrincipal()).memberId(),
                    request.getParameter("time_zone"));
            toOverview.onAuthenticationSuccess(request, response, authentication);
        };
    }

    /** Delegating, so stored hashes name their algorithm ({@code {bcrypt}…}) and can be upgraded later. */
    @Bean
    PasswordEncoder consolePasswordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Secure, http-only, SameSite=Lax, and sent only to /console: the API never sees it. */
    @Bean
    CookieSerializer consoleCookieSerializer(ConsoleProperties properties) {
        DefaultCookieSerializer cookies = new DefaultCookieSerializer();
        cookies.setCookieName(COOKIE);
        cookies.setCookiePath("/console");
        cookies.setUseSecureCookie(properties.secureCookie());
        cookies.setUseHttpOnlyCookie(true);
        cookies.setSameSite("Lax");
        return cookies;
    }

    /**
     * Only the console has sessions: Spring Session's filter would otherwise wrap every API request and
     * its response, whose every write then passes its commit-watching stream (profiled on a listed page).
     */
    @Bean
    static BeanPostProcessor consoleOnlySessionFilter() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof AbstractFilterRegistrationBean<?> registration
                        && "sessionRepositoryFilterRegistration".equals(name)) {
                    registration.setUrlPatterns(List.of("/console/*"));
                }
                return bean;
            }
        };
    }

    /** Sessions live in the console schema (Flyway's V2026_12_01_7200); after Boot's own customizer. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> consoleSessionTable() {
        return repository -> repository.setTableName("console.spring_session");
    }
}
