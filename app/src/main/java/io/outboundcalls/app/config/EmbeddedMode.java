package io.outboundcalls.app.config;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The embedded development mode: no {@code spring.datasource.url}, so the service runs its own
 * PostgreSQL. A condition, and the one place that tells the two modes apart.
 */
public class EmbeddedMode extends SpringBootCondition {

    public static boolean isOn(Environment environment) {
        return environment.getProperty("spring.datasource.url", "").isEmpty();
    }

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return isOn(context.getEnvironment())
                ? ConditionOutcome.match("no spring.datasource.url: embedded PostgreSQL")
                : ConditionOutcome.noMatch("spring.datasource.url is set");
    }
}
