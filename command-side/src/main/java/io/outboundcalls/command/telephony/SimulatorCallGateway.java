package io.outboundcalls.command.telephony;

import io.outboundcalls.command.call.ReportCallAnsweredCommand;
import io.outboundcalls.command.call.ReportCallEndedCommand;
import io.outboundcalls.command.call.ReportCallRingingCommand;
import io.outboundcalls.events.call.CallOutcome;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The default telephony adapter: plays each call's {@link SimulatedCallee} plan in real time
 * divided by {@code speed}, reporting ringing, answer and end back as commands, exactly like a
 * provider's callbacks. Recordings are synthesized on request from the reference
 * ({@code sim:<duration ms>}), so they cost no storage and always match the call's length.
 */
@Component
@ConditionalOnProperty(name = "outboundcalls.telephony.provider", havingValue = "simulator", matchIfMissing = true)
class SimulatorCallGateway implements CallGateway, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SimulatorCallGateway.class);
    private static final String REF_PREFIX = "sim:";
    /** The longest recording synthesized: an hour, the agent's maximum call length. */
    private static final long MAX_RECORDING_MS = 3_600_000;

    private final CommandGateway commands;
    private final Clock clock;
    private final double speed;
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "call-simulator");
        thread.setDaemon(true);
        return thread;
    });

    SimulatorCallGateway(CommandGateway commands, Clock clock, SimulatorProperties properties) {
        this.commands = commands;
        this.clock = clock;
        this.speed = properties.speed() <= 0 ? 1 : properties.speed();
    }

    /** Each report is sent after the previous one was handled, so they can never arrive out of order. */
    @Override
    public void dial(DialRequest request) {
        SimulatedCallee.Plan plan = SimulatedCallee.plan(request);
        String callId = request.callId();
        if (!plan.connected()) {
            Runnable end = () -> commands.sendAndWait(
                    ReportCallEndedCommand.notConnected(callId, plan.outcome(), plan.endReason(), clock.instant()));
            if (plan.outcome() == CallOutcome.NO_ANSWER) {
                later(0, () -> {
                    commands.sendAndWait(new ReportCallRingingCommand(callId, clock.instant()));
                    later(plan.endMs(), end);
                });
            } else {
                later(plan.endMs(), end);
            }
            return;
        }
        long talkSeconds = (plan.talkMs() + 999) / 1000;
        later(0, () -> {
            commands.sendAndWait(new ReportCallRingingCommand(callId, clock.instant()));
            later(plan.ringMs(), () -> {
                commands.sendAndWait(new ReportCallAnsweredCommand(callId, plan.answeredBy(), clock.instant()));
                later(plan.talkMs(), () -> commands.sendAndWait(new ReportCallEndedCommand(callId, plan.outcome(),
                        plan.endReason(), talkSeconds, plan.transcript(), plan.summary(), plan.analysis(),
                        REF_PREFIX + Math.min(talkSeconds * 1000, MAX_RECORDING_MS), clock.instant())));
            });
        });
    }

    /** A simulated callee has nothing to hang up: the plan always ends the call itself. */
    @Override
    public void hangUp(String callId) {
    }

    @Override
    public Optional<byte[]> fetchRecording(String recordingRef) {
        if (recordingRef == null || !recordingRef.startsWith(REF_PREFIX)) {
            return Optional.empty();
        }
        try {
            long ms = Long.parseLong(recordingRef.substring(REF_PREFIX.length()));
            return Optional.of(Wav.tone(Math.min(ms, MAX_RECORDING_MS)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void later(long simulatedMs, Runnable report) {
        timer.schedule(() -> {
            try {
                report.run();
            } catch (RuntimeException e) {
                // the dialer's recovery re-drives a call whose reports stopped
                log.warn("Simulated call report failed: {}", e.toString());
            }
        }, (long) (simulatedMs * 1000 / speed), TimeUnit.MICROSECONDS);
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
