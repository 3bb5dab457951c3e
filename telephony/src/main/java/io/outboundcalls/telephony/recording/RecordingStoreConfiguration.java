package io.outboundcalls.telephony.recording;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** One recording store, chosen by {@code outboundcalls.recordings.store}; an unknown name stops the start. */
@Configuration(proxyBeanMethods = false)
class RecordingStoreConfiguration {

    @Bean
    RecordingStore recordingStore(RecordingStoreProperties properties, JdbcTemplate jdbc) {
        return switch (properties.store()) {
            case "postgres" -> new PostgresRecordingStore(jdbc);
            case "s3" -> new S3RecordingStore(properties.s3());
            default -> throw new IllegalStateException("outboundcalls.recordings.store is '" + properties.store()
                    + "'; it takes postgres or s3");
        };
    }
}
