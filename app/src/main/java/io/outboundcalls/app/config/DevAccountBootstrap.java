package io.outboundcalls.app.config;

import io.outboundcalls.command.account.AccountRegistry;
import io.outboundcalls.command.account.ApiKeys;
import io.outboundcalls.command.account.CreateAccountCommand;
import io.outboundcalls.command.common.Ids;
import io.outboundcalls.events.account.AccountLimits;
import io.outboundcalls.events.account.Tier;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * In embedded mode, the first start creates a development account (tier standard), writes its
 * API key to {@code <data-dir>/dev-api-key} and prints it once, so the README's curl examples
 * work straight away. Later starts say only where the file is: logs are kept and shipped to
 * places where a key must not be.
 */
@Component
class DevAccountBootstrap {

    private static final Logger log = LoggerFactory.getLogger(DevAccountBootstrap.class);

    private final OutboundCallsProperties properties;
    private final AccountRegistry registry;
    private final CommandGateway commands;
    private final ObjectProvider<EmbeddedPostgres> embedded;

    DevAccountBootstrap(OutboundCallsProperties properties, AccountRegistry registry, CommandGateway commands,
                        ObjectProvider<EmbeddedPostgres> embedded) {
        this.properties = properties;
        this.embedded = embedded;
        this.registry = registry;
        this.commands = commands;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ensureDevAccount() throws IOException {
        if (!properties.devAccount() || embedded.getIfAvailable() == null) {
            return;
        }
        Path keyFile = properties.dataDir().resolve("dev-api-key");
        if (Files.exists(keyFile)) {
            String secret = Files.readString(keyFile).trim();
            if (ApiKeys.looksLikeKey(secret) && registry.findByKeyHash(ApiKeys.hash(secret)).isPresent()) {
                log.info("Development API key: in {}", keyFile.toAbsolutePath().normalize());
                return;
            }
        }
        ApiKeys.Generated key = ApiKeys.generate("development");
        commands.sendAndWait(new CreateAccountCommand(Ids.newId("acct"), "Development", Tier.STANDARD,
                AccountLimits.NONE, key.key()));
        Files.createDirectories(keyFile.getParent());
        Files.writeString(keyFile, key.secret() + "\n");
        try {
            Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system: the file keeps the default permissions
        }
        announce(key.secret(), keyFile);
    }

    private static void announce(String secret, Path keyFile) {
        log.info("""

                ==================================================================
                  Development API key (also in {}):
                  {}
                ==================================================================""", keyFile.toAbsolutePath().normalize(), secret);
    }
}
