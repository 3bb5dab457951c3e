package io.outboundcalls.app.config;

import io.outboundcalls.command.account.AccountRegistry;
import io.outboundcalls.command.account.AccountRegistry.Principal;
import io.outboundcalls.command.account.ApiKeys;
import io.outboundcalls.command.account.CreateAccountCommand;
import io.outboundcalls.command.common.Ids;
import io.outboundcalls.console.member.MemberRegistry;
import io.outboundcalls.console.member.Members;
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
import java.util.Optional;

/**
 * In embedded mode, the first start creates a development account (tier standard), writes its
 * API key to {@code <data-dir>/dev-api-key} and a console member's login to
 * {@code <data-dir>/dev-console-login} ({@code email password}) and prints both once, so the
 * README's curl examples and the console work straight away. Later starts say only where the file is: logs are kept and shipped to
 * places where a key must not be.
 */
@Component
class DevAccountBootstrap {

    private static final Logger log = LoggerFactory.getLogger(DevAccountBootstrap.class);
    static final String CONSOLE_LOGIN_FILE = "dev-console-login";
    static final String DEV_MEMBER_EMAIL = "dev@outboundcalls.localhost";

    private final OutboundCallsProperties properties;
    private final AccountRegistry registry;
    private final CommandGateway commands;
    private final ObjectProvider<EmbeddedPostgres> embedded;
    private final Members members;
    private final MemberRegistry memberRegistry;

    DevAccountBootstrap(OutboundCallsProperties properties, AccountRegistry registry, CommandGateway commands,
                        ObjectProvider<EmbeddedPostgres> embedded, Members members, MemberRegistry memberRegistry) {
        this.properties = properties;
        this.members = members;
        this.memberRegistry = memberRegistry;
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
        Path loginFile = properties.dataDir().resolve(CONSOLE_LOGIN_FILE);
        if (Files.exists(keyFile)) {
            String secret = Files.readString(keyFile).trim();
            Optional<Principal> account = ApiKeys.looksLikeKey(secret) ? registry.findByKeyHash(ApiKeys.hash(secret))
                    : Optional.empty();
            if (account.isPresent()) {
                log.info("Development API key: in {}", keyFile.toAbsolutePath().normalize());
                if (Files.exists(loginFile)) {
                    log.info("Development console login: in {}", loginFile.toAbsolutePath().normalize());
                } else {
                    createConsoleLogin(account.get().accountId(), loginFile, null, null);
                }
                return;
            }
        }
        ApiKeys.Generated key = ApiKeys.generate("development");
        String accountId = Ids.newId("acct");
        commands.sendAndWait(new CreateAccountCommand(accountId, "Development", Tier.STANDARD,
                AccountLimits.NONE, key.key()));
        writePrivate(keyFile, key.secret());
        createConsoleLogin(accountId, loginFile, key.secret(), keyFile);
    }

    /** The console's development member, printed beside the key when there is one (the first start). */
    private void createConsoleLogin(String accountId, Path loginFile, String secret, Path keyFile) throws IOException {
        if (memberRegistry.findByEmail(DEV_MEMBER_EMAIL).isPresent()) {
            log.info("Development console member {} exists; its login file {} was removed", DEV_MEMBER_EMAIL, loginFile);
            return;
        }
        String password = Members.randomToken();
        members.createWithPassword(accountId, DEV_MEMBER_EMAIL, password);
        writePrivate(loginFile, DEV_MEMBER_EMAIL + " " + password);
        announce(secret, keyFile, password, loginFile);
    }

    private static void writePrivate(Path file, String line) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, line + "\n");
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system: the file keeps the default permissions
        }
    }

    private static void announce(String secret, Path keyFile, String password, Path loginFile) {
        String key = secret == null ? "" : """
                  Development API key (also in %s):
                  %s
                """.formatted(keyFile.toAbsolutePath().normalize(), secret);
        log.info("""

                ==================================================================
                {}  Console at /console, sign in as (also in {}):
                  {} {}
                ==================================================================""", key, loginFile.toAbsolutePath().normalize(),
                DEV_MEMBER_EMAIL, password);
    }
}
