package io.outboundcalls.app.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import io.outboundcalls.query.common.Page;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The list envelope of {@link ApiList} around objects whose JSON the projection stored
 * ({@code query.common.StoredJson}): the same bytes {@code ApiList} writes, each object copied as it
 * is. An operation answering it documents its schema with the {@code ApiList} it stands for.
 * <p>
 * A response is written by {@link StoredListConverter} from {@link #toBytes()}: Jackson's raw-value
 * write encodes a string to UTF-8 one character at a time, profiled at a quarter of a listed page's
 * CPU, where {@link String#getBytes} copies an ASCII string's bytes as they are.
 */
public record StoredList(Page<String> page) implements JsonSerializable {

    private static final byte[] START = "{\"object\":\"list\",\"data\":[".getBytes(StandardCharsets.UTF_8);
    private static final byte[] END_MORE = "],\"has_more\":true}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] END_LAST = "],\"has_more\":false}".getBytes(StandardCharsets.UTF_8);

    /** The envelope's UTF-8 bytes. */
    public byte[] toBytes() {
        List<byte[]> objects = new ArrayList<>(page.data().size());
        int length = START.length + END_LAST.length + 1;
        for (String json : page.data()) {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            objects.add(bytes);
            length += bytes.length + 1;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(length);
        out.writeBytes(START);
        for (int i = 0; i < objects.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(objects.get(i));
        }
        out.writeBytes(page.hasMore() ? END_MORE : END_LAST);
        return out.toByteArray();
    }

    /** The same bytes, for a mapper that meets a {@code StoredList} outside a response ({@link #toBytes()} is the one writer). */
    @Override
    public void serialize(JsonGenerator gen, SerializerProvider serializers) throws IOException {
        gen.writeRawValue(new String(toBytes(), StandardCharsets.UTF_8));
    }

    @Override
    public void serializeWithType(JsonGenerator gen, SerializerProvider serializers, TypeSerializer typeSer) throws IOException {
        serialize(gen, serializers);
    }
}
