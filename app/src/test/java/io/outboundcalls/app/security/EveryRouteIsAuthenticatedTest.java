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
 * and without credentials each answers 401 before its controller runs. A controller added outside
 * /v1 and /admin, or a public route added by mistake, fails here.
 */
class EveryRouteIsAuthenticatedTest extends ApiTest {

    private static final Set<String> PUBLIC = Set.of("/v1/openapi.json", "/error");

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
                assertThat(pattern).as("route outside the authenticated areas").matches("/(v1|admin)/.+");
                String path = pattern.replaceAll("\\{[^}]+}", "x_1");
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    // each from an address of its own, so the per-address limit of anonymous requests stays out of it
                    int n = checked.size();
                    RawHttp.Response r = new RawHttp(port, "127.0." + (100 + n / 200) + "." + (1 + n % 200))
                            .send(method.name(), path, null);
                    assertThat(r.status()).as("%s %s without credentials: %s", method, path, r).isEqualTo(401);
                    assertThat(r.json().path("code").asText()).isIn("missing_api_key", "invalid_admin_token");
                    checked.add(method + " " + path);
                }
            }
        }
        assertThat(checked).as("routes checked").hasSizeGreaterThan(40)
                .contains("POST /admin/accounts", "GET /v1/agents", "POST /admin/projections/x_1/rebuild");
    }
}
