package io.outboundcalls.app.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.axonframework.messaging.MetaData;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads an event's {@link MetaData} as Axon's own {@code MetaDataDeserializer} does, but looks up
 * the map deserializer once instead of on every call. Axon reads each handled event's metadata
 * (to carry its correlation data), and the lookup was two thirds of that: about a tenth of the
 * contacts projection's CPU on an import.
 */
final class MetaDataReader extends JsonDeserializer<MetaData> implements ContextualDeserializer {

    private final JsonDeserializer<Object> entries;

    private MetaDataReader(JsonDeserializer<Object> entries) {
        this.entries = entries;
    }

    /** Registered after the serializer's own module, so that it takes precedence. */
    static SimpleModule module() {
        return new SimpleModule("OutboundCalls-MetaData").addDeserializer(MetaData.class, new MetaDataReader(null));
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property)
            throws JsonMappingException {
        return new MetaDataReader(mapReader(ctxt));
    }

    @Override
    @SuppressWarnings("unchecked")
    public MetaData deserialize(JsonParser parser, DeserializationContext ctxt) throws IOException {
        JsonDeserializer<Object> reader = entries != null ? entries : mapReader(ctxt);
        return MetaData.from((Map<String, ?>) reader.deserialize(parser, ctxt, new HashMap<String, Object>()));
    }

    private static JsonDeserializer<Object> mapReader(DeserializationContext ctxt) throws JsonMappingException {
        return ctxt.findRootValueDeserializer(ctxt.getTypeFactory().constructMapType(Map.class, String.class, Object.class));
    }

    @Override
    public Object deserializeWithType(JsonParser parser, DeserializationContext ctxt, TypeDeserializer typeDeserializer)
            throws IOException {
        return typeDeserializer.deserializeTypedFromObject(parser, ctxt);
    }
}
