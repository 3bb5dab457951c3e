package io.outboundcalls.app.security;

import io.outboundcalls.app.support.ApiTest;
import io.outboundcalls.app.support.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks every route Spring MVC knows: each lies in an area that a security chain authenticates,
 * and without credentials each answers 401 before its controller runs (a console page: the sign-in
 * page, or 401/403 for what is not a page view). A controller added outside /v1, /admin and
 * /console, or a public route added by mistake, fails here.
 */
class EveryRouteIsAuthenticatedTest extends ApiTest {

    private static final Set<String> PUBLIC = Set.of("/v1/openapi.json", "/error");
    /** The console's pages for people not signed in yet. */
    private static final Set<String> CONSOLE_PUBLIC = Set.of("/console/sign-in", "/console/set-password");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyRouteNeedsItsAreasCredentials() {
        List<String> checked = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (PUBLIC.stream().anyMatch(pattern::startsWith)) {
                    continue;
                }
                if (CONSOLE_PUBLIC.contains(pattern)) {
                    continue;
                }
                assertThat(pattern).as("route outside the authenticated areas").matches("/(v1|admin)/.+|/console(/.+)?");
                String path = pattern.replaceAll("\\{[^}]+}", "x_1");
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    // each from an address of its own, so the per-address limit of anonymous requests stays out of it
                    int n = checked.size();
                    RawHttp.Response r = new RawHttp(port, "127.0." + (100 + n / 200) + "." + (1 + n % 200))
                            .send(method.name(), path, null);
                    if (pattern.startsWith("/console")) {
                        // no session: a page view is sent to sign in, a form post without session or CSRF token is refused
                        if (r.status() == 302) {
                            assertThat(r.header("Location")).as("%s %s without a session", method, path).endsWith("/console/sign-in");
                        } else {
                            assertThat(r.status()).as("%s %s without a session: %s", method, path, r).isIn(401, 403);
                        }
                    } else {
                        assertThat(r.status()).as("%s %s without credentials: %s", method, path, r).isEqualTo(401);
                        assertThat(r.json().path("code").asText()).isIn("missing_api_key", "invalid_admin_token");
                    }
                    checked.add(method + " " + path);
                }
            }
        }
        assertThat(checked).as("routes checked").hasSizeGreaterThan(40)
                .contains("POST /admin/accounts", "GET /v1/agents", "POST /admin/projections/x_1/rebuild", "GET /console/agents");
    }
}
