package io.outboundcalls.app.config;

import io.outboundcalls.events.contact.ContactCreatedEvent;
import io.outboundcalls.events.contact.ContactDeletedEvent;
import io.outboundcalls.events.contact.ContactOptedOutEvent;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TypeCachingEventHandlerInvokerTest {

    private static final EventMessage<ContactDeletedEvent> DELETED =
            GenericEventMessage.asEventMessage(new ContactDeletedEvent("contact_1", "acct_1"));
    private static final EventMessage<ContactOptedOutEvent> OPTED_OUT =
            GenericEventMessage.asEventMessage(new ContactOptedOutEvent("contact_1", "acct_1", null, null));

    @Test
    void answersLikeTheAnnotatedHandlersItWraps() throws Exception {
        DeletionHandler handler = new DeletionHandler();
        EventHandlerInvoker invoker = TypeCachingEventProcessingModule.cached(
                new MultiEventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(handler).build()));

        assertThat(invoker.canHandle(DELETED, Segment.ROOT_SEGMENT)).isTrue();
        assertThat(invoker.canHandle(OPTED_OUT, Segment.ROOT_SEGMENT)).isFalse();
        assertThat(invoker.canHandleType(ContactDeletedEvent.class)).isTrue();
        assertThat(invoker.canHandleType(ContactCreatedEvent.class)).isFalse();
        assertThat(invoker.supportsReset()).isTrue();
        invoker.handle(DELETED, Segment.ROOT_SEGMENT);
        assertThat(handler.handled).containsExactly("contact_1");
    }

    @Test
    void asksTheWrappedInvokerOncePerTypeAndNeverForAnEventOfAnUnhandledType() throws Exception {
        CountingInvoker counting = new CountingInvoker();
        EventHandlerInvoker invoker = TypeCachingEventProcessingModule.cached(counting);

        for (int i = 0; i < 3; i++) {
            assertThat(invoker.canHandle(OPTED_OUT, Segment.ROOT_SEGMENT)).isFalse();
            assertThat(invoker.canHandle(DELETED, Segment.ROOT_SEGMENT)).isTrue();
            assertThat(invoker.supportsReset()).isFalse();
        }

        assertThat(counting.typeQuestions).containsExactly(ContactOptedOutEvent.class, ContactDeletedEvent.class);
        // a handled type still goes through the invoker's own check (parameters, segment) every time
        assertThat(counting.eventQuestions).isEqualTo(3);
        assertThat(counting.resetQuestions).isEqualTo(1);
    }

    @Test
    void resetsAndReleasedSegmentsReachTheWrappedInvoker() {
        CountingInvoker counting = new CountingInvoker();
        EventHandlerInvoker invoker = TypeCachingEventProcessingModule.cached(counting);

        invoker.performReset("context");
        invoker.segmentReleased(Segment.ROOT_SEGMENT);

        assertThat(counting.resetContexts).containsExactly("context");
        assertThat(counting.releasedSegments).isEqualTo(1);
        assertThat(TypeCachingEventProcessingModule.cached(invoker)).isSameAs(invoker);
    }

    static class DeletionHandler {
        final List<String> handled = new ArrayList<>();

        @EventHandler
        void on(ContactDeletedEvent event) {
            handled.add(event.contactId());
        }
    }

    /** Handles deletions only, and counts every question asked. */
    static class CountingInvoker implements EventHandlerInvoker {
        final List<Class<?>> typeQuestions = new ArrayList<>();
        final List<Object> resetContexts = new ArrayList<>();
        int eventQuestions;
        int resetQuestions;
        int releasedSegments;

        @Override
        public boolean canHandle(EventMessage<?> eventMessage, Segment segment) {
            eventQuestions++;
            return eventMessage.getPayloadType() == ContactDeletedEvent.class;
        }

        @Override
        public boolean canHandleType(Class<?> payloadType) {
            typeQuestions.add(payloadType);
            return payloadType == ContactDeletedEvent.class;
        }

        @Override
        public void handle(EventMessage<?> message, Segment segment) {
        }

        @Override
        public boolean supportsReset() {
            resetQuestions++;
            return false;
        }

        @Override
        public <R> void performReset(R resetContext) {
            resetContexts.add(resetContext);
        }

        @Override
        public void segmentReleased(Segment segment) {
            releasedSegments++;
        }
    }
}
