package io.outboundcalls.app.support;

import io.outboundcalls.app.OutboundCallsApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Another node of the service on the shared test PostgreSQL, for tests of what several nodes, a
 * crash or a restart do; closing its context is the node going away. It carries the operator
 * token {@link #ADMIN_TOKEN} and buys credits through the record-only provider, like the shared context.
 */
public final class ExtraNode {

    public static final String ADMIN_TOKEN = ApiTest.ADMIN_TOKEN;

    private ExtraNode() {
    }

    /** @param name names its data directory; {@code extraArguments} are more {@code --name=value} arguments */
    public static ConfigurableApplicationContext start(String name, String... extraArguments) {
        TestDatabase.Connection db = TestDatabase.get();
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + db.url(),
                "--spring.datasource.username=" + db.username(),
                "--spring.datasource.password=" + db.password(),
                "--outboundcalls.admin-token=" + ADMIN_TOKEN,
                "--outboundcalls.payments.provider=record-only",
                "--outboundcalls.dev-account=false",
                "--outboundcalls.data-dir=target/test-data-node-" + name,
                "--outboundcalls.read-your-writes=10s"));
        arguments.addAll(List.of(extraArguments));
        return new SpringApplicationBuilder(OutboundCallsApplication.class).run(arguments.toArray(String[]::new));
    }

    public static String baseUrl(ConfigurableApplicationContext node) {
        return "http://localhost:" + node.getEnvironment().getProperty("local.server.port");
    }

    /**
     * A new enterprise account created through this node, calling around the clock as
     * {@link ApiTest#newAccount} does; returns a client for it on this node.
     */
    public static ApiClient newAccount(ConfigurableApplicationContext node, String name) {
        ApiClient admin = new ApiClient(baseUrl(node), ADMIN_TOKEN);
        ApiClient.Response account = admin.post("/admin/accounts",
                Map.of("name", name, "tier", "enterprise", "legal_calling_window", ApiTest.WHOLE_DAY));
        return new ApiClient(baseUrl(node), account.json().path("api_key").path("secret").asText());
    }
}
