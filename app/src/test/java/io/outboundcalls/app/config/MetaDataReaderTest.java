package io.outboundcalls.app.config;

import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MetaDataReaderTest {

    private final JacksonSerializer serializer = AxonConfiguration.jackson(new AnnotationRevisionResolver());

    @Test
    void readsBackWhatAxonWrites() {
        MetaData metaData = MetaData.with("traceId", "0190a1b2-c3d4").and("correlationId", "0190a1b2-c3d5")
                .and("attempt", 3).and("tags", List.of("a", "b")).and("origin", Map.of("node", "n1"));

        SerializedObject<byte[]> stored = serializer.serialize(metaData, byte[].class);
        MetaData read = serializer.deserialize(stored);

        assertThat(read).isEqualTo(metaData);
        assertThat(serializer.<byte[], MetaData>deserialize(serializer.serialize(MetaData.emptyInstance(), byte[].class)))
                .isEmpty();
    }

    @Test
    void replacesAxonsReaderOnTheEventSerializer() throws Exception {
        ObjectMapper mapper = serializer.getObjectMapper();
        DeserializationContext context = ((DefaultDeserializationContext) mapper.getDeserializationContext())
                .createInstance(mapper.getDeserializationConfig(), null, mapper.getInjectableValues());

        assertThat(context.findRootValueDeserializer(mapper.constructType(MetaData.class))).isInstanceOf(MetaDataReader.class);
    }
}
