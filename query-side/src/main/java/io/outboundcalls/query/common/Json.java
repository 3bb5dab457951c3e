package io.outboundcalls.query.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.util.function.Function;

/** The read models' own JSON columns: a private mapper, independent of the web's settings. */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Json() {
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write read-model JSON", e);
        }
    }

    /** A reader of one type, for row mappers: resolves the type's deserializer once, not per row. */
    public static <T> Function<String, T> reader(Class<T> type) {
        return readingWith(MAPPER.readerFor(type));
    }

    /** A reader of a generic type, such as {@code new TypeReference<List<TranscriptTurn>>() { }}. */
    public static <T> Function<String, T> reader(TypeReference<T> type) {
        return readingWith(MAPPER.readerFor(type));
    }

    private static <T> Function<String, T> readingWith(ObjectReader reader) {
        return json -> {
            try {
                return json == null ? null : reader.readValue(json);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Cannot read read-model JSON", e);
            }
        };
    }

    public static <T> T read(String json, Class<T> type) {
        return reader(type).apply(json);
    }
}
