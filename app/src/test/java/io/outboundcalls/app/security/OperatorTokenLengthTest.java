package io.outboundcalls.app.security;

import io.outboundcalls.app.config.OutboundCallsProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The service refuses to start with a guessable operator token, and says which setting and why. */
class OperatorTokenLengthTest {

    @Test
    void aTokenShorterThan32CharactersStopsTheStart() {
        assertThatThrownBy(() -> bind("change-me"))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("outboundcalls.admin-token")
                .hasMessageContaining("at least 32 characters").hasMessageContaining("it has 9");
    }

    @Test
    void a32CharacterTokenOrNoTokenIsAccepted() {
        assertThat(bind("x".repeat(32)).adminEnabled()).isTrue();
        assertThat(bind("").adminEnabled()).isFalse();
    }

    private static OutboundCallsProperties bind(String token) {
        return new Binder(new MapConfigurationPropertySource(Map.of("outboundcalls.admin-token", token)))
                .bindOrCreate("outboundcalls", OutboundCallsProperties.class);
    }
}
