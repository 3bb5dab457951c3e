package io.outboundcalls.command.contactimport;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxFileSize the largest CSV accepted (413 above); also bounded by spring.servlet.multipart
 * @param batchSize   rows written per transaction: large enough to amortise round trips, small
 *                    enough to keep transactions short for gap-aware event tracking
 */
@ConfigurationProperties("outboundcalls.contacts.import")
public record ContactImportProperties(@DefaultValue("100MB") DataSize maxFileSize,
                                      @DefaultValue("1000") int batchSize) {
}
