package io.outboundcalls.app.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outboundcalls.app.support.ApiTest;
import io.outboundcalls.events.agent.AgentCreatedEvent;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event-versioning convention (docs/event-versioning.md) checked against the serializer the
 * event store really uses: stored JSON is a permanent contract.
 */
class EventVersioningTest extends ApiTest {

    /** An AgentCreatedEvent as revision 1 stores it. */
    private static final String STORED_REVISION_1 = """
            {"agentId":"agent_01jq0000000000000000000000","accountId":"acct_01jq0000000000000000000000",
             "settings":{"name":"Sales","prompt":"Hello {{first_name}}","firstMessage":"Hi!","voice":"maya",
                         "language":"en-US","maxDurationSeconds":600,"voicemail":null,"transferNumber":null,
                         "analysis":null,"metadata":{"team":"emea"}}}""";

    @Autowired
    @Qualifier("eventSerializer")
    Serializer serializer;

    @Test
    void storedJsonOfTheCurrentRevisionDeserializes() {
        AgentCreatedEvent event = deserialize(STORED_REVISION_1, "1");
        assertThat(event.settings().name()).isEqualTo("Sales");
        assertThat(event.settings().metadata()).containsEntry("team", "emea");
    }

    @Test
    void aNewOptionalFieldNeedsNoUpcaster() {
        // written by a newer version (an extra field) or an older one (a field it did not know yet)
        String newer = STORED_REVISION_1.replace("\"voice\":\"maya\",", "\"voice\":\"maya\",\"speakingRate\":1.2,")
                .replace("\"accountId\"", "\"campaignHint\":\"q1\",\"accountId\"");
        String older = STORED_REVISION_1.replace("\"firstMessage\":\"Hi!\",", "").replace("\"metadata\":{\"team\":\"emea\"}", "\"x\":1");

        assertThat(deserialize(newer, "1").settings().voice()).isEqualTo("maya");
        AgentCreatedEvent fromOlder = deserialize(older, "1");
        assertThat(fromOlder.settings().firstMessage()).isNull();
        assertThat(fromOlder.settings().metadata()).isNull();
        assertThat(fromOlder.settings().name()).isEqualTo("Sales");
    }

    @Test
    void aStructuralChangeIsUpcastFromTheStoredJson() {
        // the recipe for a structural change: suppose revision "0" stored the settings flat
        String storedRevision0 = """
                {"agentId":"agent_01jq0000000000000000000000","accountId":"acct_01jq0000000000000000000000",
                 "name":"Sales","prompt":"Hello {{first_name}}","maxDurationSeconds":300}""";
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>("Agent", "agent_01jq0000000000000000000000",
                0, "e1", Instant.parse("2026-01-01T00:00:00Z"), AgentCreatedEvent.class.getName(), "0",
                storedRevision0.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));

        List<IntermediateEventRepresentation> upcast = new FlatSettingsUpcaster()
                .upcast(Stream.of(new InitialEventRepresentation(entry, serializer))).toList();

        assertThat(upcast).hasSize(1);
        assertThat(upcast.get(0).getType().getRevision()).isEqualTo("1");
        AgentCreatedEvent event = serializer.deserialize(upcast.get(0).getData());
        assertThat(event.settings().name()).isEqualTo("Sales");
        assertThat(event.settings().prompt()).isEqualTo("Hello {{first_name}}");
        assertThat(event.settings().maxDurationSeconds()).isEqualTo(300);
    }

    private AgentCreatedEvent deserialize(String json, String revision) {
        return serializer.deserialize(new SimpleSerializedObject<>(json.getBytes(StandardCharsets.UTF_8), byte[].class,
                AgentCreatedEvent.class.getName(), revision));
    }

    /** Revision 0 → 1: moves the flat agent fields into {@code settings}. */
    static final class FlatSettingsUpcaster extends SingleEventUpcaster {

        private static final SerializedType FROM = new SimpleSerializedType(AgentCreatedEvent.class.getName(), "0");
        private static final SerializedType TO = new SimpleSerializedType(AgentCreatedEvent.class.getName(), "1");
        private static final List<String> MOVED = List.of("name", "prompt", "maxDurationSeconds");

        @Override
        protected boolean canUpcast(IntermediateEventRepresentation representation) {
            return representation.getType().equals(FROM);
        }

        @Override
        protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
            return representation.upcastPayload(TO, JsonNode.class, node -> {
                ObjectNode event = (ObjectNode) node;
                ObjectNode settings = event.putObject("settings");
                for (String field : MOVED) {
                    JsonNode value = event.remove(field);
                    if (value != null) {
                        settings.set(field, value);
                    }
                }
                return event;
            });
        }
    }
}
