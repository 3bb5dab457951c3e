package io.outboundcalls.app.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import io.outboundcalls.query.common.Page;

import java.io.IOException;

/**
 * The list envelope of {@link ApiList} around objects whose JSON the projection stored
 * ({@code query.common.StoredJson}): the same bytes {@code ApiList} writes, each object copied as it
 * is. An operation answering it documents its schema with the {@code ApiList} it stands for.
 */
public record StoredList(Page<String> page) implements JsonSerializable {

    @Override
    public void serialize(JsonGenerator gen, SerializerProvider serializers) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("object", "list");
        gen.writeArrayFieldStart("data");
        for (String json : page.data()) {
            gen.writeRawValue(json);
        }
        gen.writeEndArray();
        gen.writeBooleanField("has_more", page.hasMore());
        gen.writeEndObject();
    }

    @Override
    public void serializeWithType(JsonGenerator gen, SerializerProvider serializers, TypeSerializer typeSer) throws IOException {
        serialize(gen, serializers);
    }
}
