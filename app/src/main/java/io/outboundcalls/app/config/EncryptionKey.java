package io.outboundcalls.app.config;

import io.outboundcalls.webhooks.crypto.SecretCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The key that seals secrets at rest: {@code outboundcalls.encryption-key} when set (what several
 * nodes must use, so they all share one key), else the key file {@code <data-dir>/encryption-key},
 * created with a random key at first start and readable by its owner only. A rotation names the
 * new key's version ({@code outboundcalls.encryption-key-version}) and keeps the old keys in
 * {@code outboundcalls.previous-encryption-keys} until the start-up has re-sealed every value.
 */
@Configuration(proxyBeanMethods = false)
class EncryptionKey {

    static final String FILE_NAME = "encryption-key";
    private static final Logger log = LoggerFactory.getLogger(EncryptionKey.class);

    @Bean
    SecretCipher secretCipher(OutboundCallsProperties properties) throws IOException {
        Map<Integer, byte[]> previous = previousKeys(properties.previousEncryptionKeys());
        if (properties.encryptionKeyVersion() != SecretCipher.FIRST_VERSION
                && (properties.encryptionKey() == null || properties.encryptionKey().isBlank())) {
            throw new IllegalStateException("outboundcalls.encryption-key-version is " + properties.encryptionKeyVersion()
                    + " but outboundcalls.encryption-key is not set: a rotated key is configured, never a key file");
        }
        if (previous.containsKey(properties.encryptionKeyVersion())) {
            throw new IllegalStateException("outboundcalls.previous-encryption-keys holds version "
                    + properties.encryptionKeyVersion() + ", the version of the current key: give the new key a "
                    + "higher outboundcalls.encryption-key-version");
        }
        return new SecretCipher(properties.encryptionKeyVersion(),
                load(properties.encryptionKey(), properties.dataDir()), previous);
    }

    /** {@code version:base64} entries, as {@code outboundcalls.previous-encryption-keys} lists them. */
    static Map<Integer, byte[]> previousKeys(List<String> entries) {
        Map<Integer, byte[]> keys = new HashMap<>();
        for (String entry : entries) {
            int colon = entry.indexOf(':');
            int version;
            try {
                version = Integer.parseInt(colon < 0 ? "" : entry.substring(0, colon).strip());
            } catch (NumberFormatException e) {
                version = -1;
            }
            if (version < SecretCipher.FIRST_VERSION) {
                throw new IllegalStateException("Each entry of outboundcalls.previous-encryption-keys is "
                        + "version:key, e.g. 1:<base64 of 32 bytes>; an entry does not start with a version "
                        + ">= " + SecretCipher.FIRST_VERSION);
            }
            if (keys.put(version, decode(entry.substring(colon + 1), "outboundcalls.previous-encryption-keys (version "
                    + version + ")")) != null) {
                throw new IllegalStateException("outboundcalls.previous-encryption-keys names version " + version + " twice");
            }
        }
        return keys;
    }

    static byte[] load(String configured, Path dataDir) throws IOException {
        if (configured != null && !configured.isBlank()) {
            log.info("Secrets at rest are sealed with the key from outboundcalls.encryption-key");
            return decode(configured, "outboundcalls.encryption-key");
        }
        Path file = dataDir.resolve(FILE_NAME).toAbsolutePath().normalize();
        if (!Files.exists(file)) {
            try {
                create(file);
                log.info("Created the key that seals secrets at rest: {} (keep it with the database; several nodes "
                        + "must share one key through outboundcalls.encryption-key)", file);
            } catch (FileAlreadyExistsException raced) {
                log.info("Secrets at rest are sealed with the key in {}", file);
            }
        } else {
            log.info("Secrets at rest are sealed with the key in {} (several nodes must share one key through "
                    + "outboundcalls.encryption-key)", file);
            warnIfReadableByOthers(file);
        }
        return decode(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
    }

    /** Written beside its final name and moved there, so a crash never leaves a half-written key. */
    private static void create(Path file) throws IOException {
        byte[] key = new byte[SecretCipher.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), "." + FILE_NAME, ".tmp"); // 0600 on POSIX file systems
        try {
            Files.writeString(temp, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
            Files.move(temp, file);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static byte[] decode(String value, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(value.trim());
        } catch (IllegalArgumentException e) {
            key = new byte[0];
        }
        if (key.length != SecretCipher.KEY_BYTES) {
            throw new IllegalStateException(source + " must hold the base64 of " + SecretCipher.KEY_BYTES
                    + " random bytes (for example the output of `openssl rand -base64 32`)");
        }
        return key;
    }

    private static void warnIfReadableByOthers(Path file) throws IOException {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (!PosixFilePermissions.fromString("rw-------").containsAll(permissions)) {
                log.warn("{} is readable by others ({}); it should be rw------- (chmod 600)", file,
                        PosixFilePermissions.toString(permissions));
            }
        } catch (UnsupportedOperationException notPosix) {
            // not a POSIX file system: nothing to check
        }
    }
}
