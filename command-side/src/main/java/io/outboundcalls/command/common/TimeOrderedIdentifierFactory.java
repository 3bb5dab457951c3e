package io.outboundcalls.command.common;

import org.axonframework.common.IdentifierFactory;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Axon's message identifiers as time-ordered UUIDs (version 7, RFC 9562: 48 bits of Unix
 * milliseconds, then 74 random bits), registered through {@code META-INF/services}.
 * <p>
 * Every event's identifier goes into the event store's unique index; random (version 4) UUIDs
 * land on random pages of that growing index, while time-ordered ones append at its right edge
 * (a 100,000-event insert took 2.9 s with random and 2.2 s with ordered identifiers on the
 * 2-core benchmark machine). Axon also creates an identifier for every message it passes around,
 * several per handled event, and the default draws each from a {@code SecureRandom}; these are
 * identifiers, not secrets, so a thread-local generator is enough for their uniqueness.
 */
public final class TimeOrderedIdentifierFactory extends IdentifierFactory {

    private static final long VERSION_7 = 0x7000L;
    private static final long VARIANT_RFC = 0x8000_0000_0000_0000L;

    @Override
    public String generateIdentifier() {
        return next(System.currentTimeMillis()).toString();
    }

    static UUID next(long epochMillis) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long randomA = random.nextLong() & 0x0FFFL;
        long randomB = random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL;
        return new UUID((epochMillis << 16) | VERSION_7 | randomA, VARIANT_RFC | randomB);
    }
}
