package io.outboundcalls.app.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PostgresListenerTest {

    private static final PostgresListener.Handler IGNORING = new PostgresListener.Handler() {
        @Override
        public void listening() {
        }

        @Override
        public void notified(String payload) {
        }
    };

    @Test
    void refusesAChannelNameThatIsNotAPlainIdentifierBeforeConnecting() {
        // LISTEN takes no bind parameter: the name is part of the statement, so only plain names are accepted
        assertThatThrownBy(() -> PostgresListener.start(null, "changes; drop table x", "t", IGNORING))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("plain channel name");
        assertThatThrownBy(() -> PostgresListener.start(null, "Changes", "t", IGNORING)).isInstanceOf(IllegalArgumentException.class);
    }
}
