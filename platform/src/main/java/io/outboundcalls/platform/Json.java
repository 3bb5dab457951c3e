package io.outboundcalls.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.util.function.Function;

/**
 * The one JSON mapper for what the application stores or exchanges on its own: the read models' and the
 * dialer's JSON columns, the provider's and the model's wire formats, the console's in-process API
 * replies, the container's error bodies. Unknown fields are ignored, {@code java.time} is understood.
 * Two mappers are deliberately not this one: the API's (Spring MVC's, which the webhook payloads share
 * so that they equal what GET answers) and the event store's (private to Axon's serializer, so that
 * no setting of any other mapper can change how stored events read).
 */
public final class Json {

    /** Configured once, here; callers use it as it is. */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Json() {
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write JSON", e);
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
                throw new IllegalStateException("Cannot read JSON", e);
            }
        };
    }

    public static <T> T read(String json, Class<T> type) {
        return reader(type).apply(json);
    }
}
