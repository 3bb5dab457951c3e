package io.outboundcalls.app.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The service's own settings (see the README's table).
 *
 * @param dataDir          embedded PostgreSQL data, the dev key file, stored recordings
 * @param adminToken       operator token for /admin (at least 32 characters); unset turns /admin off (404)
 * @param maxJsonBody      the largest JSON request body accepted; above it, 413
 * @param readYourWrites   how long a write waits for its read model before answering anyway
 * @param idempotencyTtl   how long an Idempotency-Key is remembered
 * @param devAccount       whether the embedded mode creates a development account on first start
 * @param encryptionKey    base64 of the 32-byte AES key that seals secrets at rest; unset, the key
 *                         file {@code <data-dir>/encryption-key} is used (created at first start)
 * @param encryptionKeyVersion   the version of {@code encryptionKey}: raise it with each new key
 * @param previousEncryptionKeys keys that sealed values before, as {@code version:base64}: they open
 *                               those values until the start-up re-seals them with the current key
 */
@ConfigurationProperties("outboundcalls")
public record OutboundCallsProperties(@DefaultValue("./data") Path dataDir,
                                      String adminToken,
                                      @DefaultValue("1MB") DataSize maxJsonBody,
                                      @DefaultValue("5s") Duration readYourWrites,
                                      @DefaultValue("24h") Duration idempotencyTtl,
                                      @DefaultValue("true") boolean devAccount,
                                      String encryptionKey,
                                      @DefaultValue("1") int encryptionKeyVersion,
                                      @DefaultValue List<String> previousEncryptionKeys) {

    /** A guessable operator token would hand every tenant's data to whoever guesses it. */
    public static final int MIN_ADMIN_TOKEN_LENGTH = 32;

    public OutboundCallsProperties {
        if (adminToken != null && !adminToken.isBlank() && adminToken.strip().length() < MIN_ADMIN_TOKEN_LENGTH) {
            throw new IllegalArgumentException("outboundcalls.admin-token (OUTBOUNDCALLS_ADMIN_TOKEN) must be at least "
                    + MIN_ADMIN_TOKEN_LENGTH + " characters long; it has " + adminToken.strip().length()
                    + ". Generate one with: openssl rand -hex 32");
        }
    }

    public boolean adminEnabled() {
        return adminToken != null && !adminToken.isBlank();
    }
}
