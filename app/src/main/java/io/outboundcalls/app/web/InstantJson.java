package io.outboundcalls.app.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Timestamps in API responses, written exactly as {@link Instant#toString()} (ISO-8601 in UTC,
 * fractions in groups of three digits, as Jackson's default does) but without the
 * {@code DateTimeFormatter} machinery, which was a tenth of the CPU of listing contacts (two
 * timestamps per contact). Years outside 0000–9999 fall back to {@code toString()}.
 */
@Configuration(proxyBeanMethods = false)
class InstantJson {

    private static final long FIRST_SECOND_OF_YEAR_0 = -62_167_219_200L;
    private static final long LAST_SECOND_OF_YEAR_9999 = 253_402_300_799L;
    private static final int SECONDS_PER_DAY = 86_400;

    /** Spring Boot registers every {@code Module} bean after its own, so this one wins for {@code Instant}. */
    @Bean
    SimpleModule instantJsonModule() {
        return new SimpleModule("OutboundCalls-Instant").addSerializer(Instant.class, new Serializer());
    }

    static String format(Instant instant) {
        char[] text = new char[30];
        int length = format(instant, text);
        return length < 0 ? instant.toString() : new String(text, 0, length);
    }

    /** Writes {@code instant} into {@code out} (30 chars) and returns the length, or -1 outside years 0–9999. */
    private static int format(Instant instant, char[] out) {
        long seconds = instant.getEpochSecond();
        if (seconds < FIRST_SECOND_OF_YEAR_0 || seconds > LAST_SECOND_OF_YEAR_9999) {
            return -1;
        }
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, SECONDS_PER_DAY));
        int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        digits(out, 0, date.getYear(), 4);
        out[4] = '-';
        digits(out, 5, date.getMonthValue(), 2);
        out[7] = '-';
        digits(out, 8, date.getDayOfMonth(), 2);
        out[10] = 'T';
        digits(out, 11, secondOfDay / 3600, 2);
        out[13] = ':';
        digits(out, 14, secondOfDay / 60 % 60, 2);
        out[16] = ':';
        digits(out, 17, secondOfDay % 60, 2);
        int position = 19;
        int nano = instant.getNano();
        if (nano > 0) {
            out[position++] = '.';
            if (nano % 1_000_000 == 0) {
                position = digits(out, position, nano / 1_000_000, 3);
            } else if (nano % 1_000 == 0) {
                position = digits(out, position, nano / 1_000, 6);
            } else {
                position = digits(out, position, nano, 9);
            }
        }
        out[position++] = 'Z';
        return position;
    }

    private static int digits(char[] out, int position, int value, int width) {
        for (int i = position + width - 1; i >= position; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return position + width;
    }

    private static final class Serializer extends StdSerializer<Instant> {

        Serializer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(format(value));
        }
    }
}
