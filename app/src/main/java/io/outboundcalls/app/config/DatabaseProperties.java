package io.outboundcalls.app.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How long the service waits on its database (embedded or external) before giving up, so that every
 * request is answered within 10 s whatever the database does. The pool's own limits
 * ({@code spring.datasource.hikari.connection-timeout}, {@code .validation-timeout},
 * {@code .maximum-pool-size}) are set in application.yml and apply to the embedded pool too.
 *
 * @param statementTimeout the server cancels a statement running longer (PostgreSQL's
 *                         {@code statement_timeout}, sent at connect): an import batch's statements
 *                         and a token claim take milliseconds; 0 leaves the server's default
 * @param socketTimeout    the driver gives up on a database that sends nothing for this long (pgjdbc's
 *                         {@code socketTimeout}): the bound for a statement already sent when the
 *                         database froze or vanished; above the statement timeout, so that a live
 *                         server always answers (cancels) first; 0 = none
 * @param healthTimeout    the longest the readiness probe waits for the database's answer
 */
@ConfigurationProperties("outboundcalls.database")
public record DatabaseProperties(@DefaultValue("5s") Duration statementTimeout,
                                 @DefaultValue("7s") Duration socketTimeout,
                                 @DefaultValue("2s") Duration healthTimeout) {
}
