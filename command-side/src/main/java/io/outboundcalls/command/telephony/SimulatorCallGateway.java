package io.outboundcalls.command.telephony;

import io.outboundcalls.command.call.ReportCallAnsweredCommand;
import io.outboundcalls.command.call.ReportCallEndedCommand;
import io.outboundcalls.command.call.ReportCallRingingCommand;
import io.outboundcalls.platform.NamedThreads;
import io.outboundcalls.events.call.CallOutcome;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The default telephony adapter: plays each call's {@link SimulatedCallee} plan in real time
 * divided by {@code speed}, reporting ringing, answer and end back as commands, exactly like a
 * provider's callbacks. Like a provider it keeps a record of the calls it placed
 * ({@code dialer.simulated_calls}): when, and when each plan answers and ends, so any node can
 * tell what became of a call and play the rest of it when the node that placed it died.
 * Recordings are synthesized on request from the reference ({@code sim:<duration ms>}), so they
 * cost no storage and always match the call's length. It exists whatever the configured provider: a
 * real provider's adapter hands it the calls of test-mode campaigns.
 */
@Component(CallGateway.SIMULATOR)
class SimulatorCallGateway implements CallGateway, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SimulatorCallGateway.class);
    private static final String REF_PREFIX = "sim:";
    /** The longest recording synthesized: an hour, the agent's maximum call length. */
    private static final long MAX_RECORDING_MS = 3_600_000;
    /** A report that failed (a node starting or stopping, a lost race) is sent again this often, this many times. */
    private static final long RETRY_NANOS = 1_000_000_000L;
    private static final int TRIES = 10;
    private static final String HUNG_UP = "hung up at our request";

    /** One report of a plan, due {@code atMs} simulated milliseconds after the call was placed. */
    private record Step(long atMs, Function<Instant, Object> report) {
    }

    private final CommandGateway commands;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final double speed;
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(4, NamedThreads.named("call-simulator"));

    SimulatorCallGateway(CommandGateway commands, JdbcTemplate jdbc, Clock clock, SimulatorProperties properties) {
        this.commands = commands;
        this.jdbc = jdbc;
        this.clock = clock;
        this.speed = properties.speed() <= 0 ? 1 : properties.speed();
    }

    /** A call id dialed a second time is refused (and counted), as a provider deduplicating on it would. */
    @Override
    public void dial(DialRequest request) {
        SimulatedCallee.Plan plan = SimulatedCallee.plan(request);
        Integer dials = jdbc.queryForObject("""
                insert into dialer.simulated_calls (call_id, answer_ms, end_ms, outcome) values (?, ?, ?, ?)
                on conflict (call_id) do update set dials = simulated_calls.dials + 1 returning dials""", Integer.class,
                request.callId(), plan.connected() ? plan.ringMs() : null, plan.endMs(), plan.outcome().apiName());
        if (dials == null || dials > 1) {
            log.warn("Call {} was dialed {} times; only the first rings", request.callId(), dials);
            return;
        }
        play(steps(request.callId(), plan), 0, System.nanoTime());
    }

    @Override
    public CallStatus status(String callId) {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                select answer_ms, end_ms, outcome, extract(epoch from now() - placed_at) * 1000 as elapsed_ms
                from dialer.simulated_calls where call_id = ?""", callId);
        if (rows.isEmpty()) {
            return CallStatus.NOT_FOUND;
        }
        Map<String, Object> row = rows.get(0);
        double elapsed = ((Number) row.get("elapsed_ms")).doubleValue() * speed;
        Number answerMs = (Number) row.get("answer_ms");
        if (elapsed >= ((Number) row.get("end_ms")).longValue()) {
            return CallStatus.ended(CallOutcome.fromApiName((String) row.get("outcome")));
        }
        return answerMs != null && elapsed >= answerMs.longValue() ? CallStatus.inProgress() : CallStatus.ringing();
    }

    /** Plays the plan from where it is now: reports already due go out at once, in order. */
    @Override
    public void follow(DialRequest request) {
        List<Double> elapsed = jdbc.queryForList(
                "select extract(epoch from now() - placed_at) * 1000 from dialer.simulated_calls where call_id = ?",
                Double.class, request.callId());
        if (elapsed.isEmpty()) {
            log.warn("Call {} was never placed: nothing to follow", request.callId());
            return;
        }
        long originNanos = System.nanoTime() - (long) (elapsed.get(0) * 1_000_000);
        play(steps(request.callId(), SimulatedCallee.plan(request)), 0, originNanos);
    }

    /**
     * Ends a live call now, as a provider does: its record ends at this moment (so {@link #status}
     * says ended) and the end is reported with the seconds talked so far. Reports of the plan still
     * to come are ignored by the ended Call. Asked again, the same end is reported again (the
     * first report may have failed); a call that is over, or was never placed, has nothing to end.
     */
    @Override
    public void hangUp(String callId) {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                with live as (
                    select call_id, (extract(epoch from now() - placed_at) * 1000 * ?)::bigint as elapsed_ms
                    from dialer.simulated_calls where call_id = ? for update)
                update dialer.simulated_calls s set hung_up_at = coalesce(s.hung_up_at, now()),
                    end_ms = case when s.hung_up_at is null then live.elapsed_ms else s.end_ms end,
                    outcome = case when s.hung_up_at is not null then s.outcome
                                   when s.answer_ms <= live.elapsed_ms then 'completed' else 'no_answer' end
                from live where s.call_id = live.call_id and (s.hung_up_at is not null or live.elapsed_ms < s.end_ms)
                returning s.answer_ms, s.end_ms""", speed, callId);
        if (rows.isEmpty()) {
            return;
        }
        Number answerMs = (Number) rows.get(0).get("answer_ms");
        long endMs = ((Number) rows.get(0).get("end_ms")).longValue();
        Instant at = clock.instant();
        if (answerMs == null || answerMs.longValue() > endMs) {
            commands.sendAndWait(ReportCallEndedCommand.notConnected(callId, CallOutcome.NO_ANSWER, HUNG_UP, at));
            return;
        }
        long talkMs = endMs - answerMs.longValue();
        long talkSeconds = (talkMs + 999) / 1000;
        commands.sendAndWait(new ReportCallEndedCommand(callId, CallOutcome.COMPLETED, HUNG_UP, talkSeconds, List.of(), null,
                Map.of(), REF_PREFIX + Math.min(talkSeconds * 1000, MAX_RECORDING_MS), at));
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

    private static List<Step> steps(String callId, SimulatedCallee.Plan plan) {
        List<Step> steps = new ArrayList<>();
        if (!plan.connected()) {
            if (plan.outcome() == CallOutcome.NO_ANSWER) {
                steps.add(new Step(0, at -> new ReportCallRingingCommand(callId, at)));
            }
            steps.add(new Step(plan.endMs(), at -> ReportCallEndedCommand.notConnected(callId, plan.outcome(), plan.endReason(), at)));
            return steps;
        }
        long talkSeconds = (plan.talkMs() + 999) / 1000;
        steps.add(new Step(0, at -> new ReportCallRingingCommand(callId, at)));
        steps.add(new Step(plan.ringMs(), at -> new ReportCallAnsweredCommand(callId, plan.answeredBy(), at)));
        steps.add(new Step(plan.endMs(), at -> new ReportCallEndedCommand(callId, plan.outcome(), plan.endReason(), talkSeconds,
                plan.transcript(), plan.summary(), plan.analysis(), REF_PREFIX + Math.min(talkSeconds * 1000, MAX_RECORDING_MS), at)));
        return steps;
    }

    /**
     * Sends step {@code index} when it is due and schedules the next one after it was handled, so
     * reports never arrive out of order. A late report carries the time it was due. A report that
     * keeps failing stops the plan; the dialer's recovery follows the call again later.
     */
    private void play(List<Step> steps, int index, long originNanos) {
        if (index < steps.size()) {
            send(steps, index, originNanos, originNanos + (long) (steps.get(index).atMs() * 1_000_000 / speed), 1);
        }
    }

    private void send(List<Step> steps, int index, long originNanos, long dueNanos, int attempt) {
        long fireNanos = dueNanos + (attempt - 1) * RETRY_NANOS;
        timer.schedule(() -> {
            try {
                long lateNanos = Math.max(0, System.nanoTime() - dueNanos);
                commands.sendAndWait(steps.get(index).report().apply(clock.instant().minusNanos(lateNanos)));
            } catch (RuntimeException e) {
                log.warn("Simulated call report failed (try {} of {}): {}", attempt, TRIES, e.toString());
                if (attempt < TRIES) {
                    send(steps, index, originNanos, dueNanos, attempt + 1);
                }
                return;
            }
            play(steps, index + 1, originNanos);
        }, Math.max(0, fireNanos - System.nanoTime()) / 1000, TimeUnit.MICROSECONDS);
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
