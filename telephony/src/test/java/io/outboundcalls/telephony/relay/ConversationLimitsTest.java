package io.outboundcalls.telephony.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.outboundcalls.command.telephony.DialRequest;
import io.outboundcalls.events.agent.AgentSettings;
import io.outboundcalls.events.agent.AnalysisSettings;
import io.outboundcalls.events.agent.VoicemailSettings;
import io.outboundcalls.events.contact.ContactDetails;
import io.outboundcalls.telephony.llm.ChatCompletion;
import io.outboundcalls.telephony.llm.ChatStreamListener;
import io.outboundcalls.telephony.llm.LlmClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * The silence timeout and the turn limit of one conversation, with the socket, the model and the timers
 * faked: a timer fires when the test says so, a reply streams when the test says so.
 */
class ConversationLimitsTest {

    private static final Duration SILENCE = Duration.ofMillis(250);

    private final List<String> sent = new ArrayList<>();
    private final List<ChatStreamListener> replies = new ArrayList<>();
    private final List<Timer> timers = new ArrayList<>();
    private final LlmClient llm = mock(LlmClient.class);
    private final ConversationEnding ending = mock(ConversationEnding.class);

    /** A scheduled task the test runs itself; {@code cancel} marks it as a real one would be. */
    private static final class Timer {
        final Runnable task;
        final long delayMs;
        boolean cancelled;

        Timer(Runnable task, long delayMs) {
            this.task = task;
            this.delayMs = delayMs;
        }
    }

    private Conversation conversation(int maxTurns) {
        when(llm.stream(any(), any(), any())).thenAnswer(call -> {
            replies.add(call.getArgument(2));
            return null;
        });
        ScheduledExecutorService scheduler = mock(ScheduledExecutorService.class);
        when(scheduler.schedule(any(Runnable.class), anyLong(), any(TimeUnit.class))).thenAnswer(call -> {
            Timer timer = new Timer(call.getArgument(0), ((TimeUnit) call.getArgument(2)).toMillis(call.getArgument(1)));
            timers.add(timer);
            ScheduledFuture<?> future = mock(ScheduledFuture.class);
            when(future.cancel(false)).thenAnswer(cancel -> timer.cancelled = true);
            return future;
        });
        RelaySocket socket = new RelaySocket() {
            @Override
            public boolean send(String frame) {
                sent.add(frame);
                return true;
            }

            @Override
            public void close() {
            }
        };
        AgentSettings agent = new AgentSettings("Limits", "You help {{first_name}}.", "Hello {{first_name}}.", "Polly.Joanna",
                "en-US", 300, VoicemailSettings.DEFAULT, null, new AnalysisSettings(false, List.of()), Map.of());
        ContactDetails contact = new ContactDetails("+14155550100", "+14155550100", "Ada", "Lovelace", null, Map.of());
        DialRequest call = new DialRequest("call_limits", "acct_1", "camp_1", "cont_1", "+14155550100", "+15005550006", 1,
                agent, contact);
        return new Conversation(call, socket, new ConversationServices(llm, mock(CommandGateway.class), ending, scheduler,
                new ConversationSettings(SILENCE, maxTurns)));
    }

    private void answer(int reply, String words) {
        replies.get(reply).onText(words);
        replies.get(reply).onComplete(new ChatCompletion(words, List.of(), "stop"));
    }

    private FinishedConversation ended() {
        ArgumentCaptor<FinishedConversation> finished = ArgumentCaptor.forClass(FinishedConversation.class);
        ArgumentCaptor<Runnable> afterStored = ArgumentCaptor.forClass(Runnable.class);
        verify(ending).finish(finished.capture(), afterStored.capture());
        afterStored.getValue().run();
        return finished.getValue();
    }

    @Test
    void aCalleeSilentAfterTheGreetingGetsAGoodbyeAndTheCallEndsAsSilence() {
        Conversation conversation = conversation(50);
        conversation.start();

        assertThat(timers).hasSize(1);
        assertThat(timers.get(0).delayMs).isEqualTo(SILENCE.toMillis());
        timers.get(0).task.run();

        FinishedConversation finished = ended();
        assertThat(finished.endedBy()).isEqualTo(EndedBy.SILENCE);
        assertThat(finished.transcript()).extracting(turn -> turn.text()).containsExactly("Hello Ada.", Conversation.SILENCE_GOODBYE);
        assertThat(sent).containsExactly(RelayFrames.text(Conversation.SILENCE_GOODBYE, true),
                RelayFrames.end("hangup", "silence", null));
    }

    @Test
    void speakingStopsTheSilenceTimerAndItRestartsOnlyAfterTheReply() {
        Conversation conversation = conversation(50);
        conversation.start();
        conversation.onPrompt("Hi, who is this?");

        assertThat(timers.get(0).cancelled).isTrue();
        timers.get(0).task.run(); // a timer that fired as it was cancelled ends nothing
        assertThat(timers).hasSize(1); // no silence counts while the model is still answering
        answer(0, "It's Limits.");

        assertThat(timers).hasSize(2);
        assertThat(timers.get(1).cancelled).isFalse();
        verify(ending, never()).finish(any(), any());
        timers.get(1).task.run();
        assertThat(ended().endedBy()).isEqualTo(EndedBy.SILENCE);
    }

    @Test
    void theUtteranceAfterTheLastAllowedTurnGetsAGoodbyeWithoutTheModel() {
        Conversation conversation = conversation(2);
        conversation.start();
        conversation.onPrompt("First");
        answer(0, "One.");
        conversation.onPrompt("Second");
        answer(1, "Two.");
        verify(ending, never()).finish(any(), any());

        conversation.onPrompt("Third");

        assertThat(replies).hasSize(2);
        FinishedConversation finished = ended();
        assertThat(finished.endedBy()).isEqualTo(EndedBy.TURN_LIMIT);
        assertThat(finished.transcript()).extracting(turn -> turn.text())
                .containsExactly("Hello Ada.", "First", "One.", "Second", "Two.", "Third", Conversation.TURN_LIMIT_GOODBYE);
        assertThat(sent).endsWith(RelayFrames.text(Conversation.TURN_LIMIT_GOODBYE, true), RelayFrames.end("hangup", "turn_limit", null));
        assertThat(timers).allMatch(timer -> timer.cancelled);

        conversation.onPrompt("Are you still there?");
        assertThat(replies).hasSize(2);
    }
}
