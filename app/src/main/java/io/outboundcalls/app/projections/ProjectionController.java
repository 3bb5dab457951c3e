package io.outboundcalls.app.projections;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.outboundcalls.app.web.ApiException;
import io.outboundcalls.app.web.ApiList;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/** Operator view of the processing groups: status and lag, rebuild, dead letters. */
@RestController
@RequestMapping("/admin/projections")
class ProjectionController {

    private static final int MAX_DEAD_LETTERS = 1000;

    private final ProjectionOperations operations;

    ProjectionController(ProjectionOperations operations) {
        this.operations = operations;
    }

    @JsonPropertyOrder({"name", "object"})
    record ProjectionResponse(String name, String object, String type, String state, Long position, Long maxPosition,
                              long head, Long lag, int segments, long deadLetters, boolean rebuildable,
                              String rebuildRefusal, ProjectionOperations.Rebuild rebuild) {

        static ProjectionResponse of(ProjectionOperations.Status s) {
            return new ProjectionResponse(s.name(), "projection", s.type(), s.state(), s.position(), s.maxPosition(),
                    s.head(), s.lag(), s.segments(), s.deadLetters(), s.rebuildable(), s.rebuildRefusal(), s.rebuild());
        }
    }

    @JsonPropertyOrder({"id", "object"})
    record DeadLetterResponse(String id, String object, String sequenceIdentifier, long sequenceIndex, String eventType,
                              String eventId, String aggregateId, Long aggregateSequence, String causeType,
                              String causeMessage, Instant enqueuedAt, Instant lastTouched) {

        static DeadLetterResponse of(ProjectionOperations.StoredDeadLetter d) {
            return new DeadLetterResponse(d.id(), "dead_letter", d.sequenceIdentifier(), d.sequenceIndex(), d.eventType(),
                    d.eventId(), d.aggregateId(), d.aggregateSequence(), d.causeType(), d.causeMessage(), d.enqueuedAt(),
                    d.lastTouched());
        }
    }

    @JsonPropertyOrder({"name", "object"})
    record RetryResponse(String name, String object, int retried, int succeeded, long remainingSequences) {
    }

    @GetMapping
    ApiList<ProjectionResponse> list() {
        return new ApiList<>("list", operations.all().stream().map(ProjectionResponse::of).toList(), false);
    }

    @GetMapping("/{name}")
    ProjectionResponse get(@PathVariable String name) {
        return operations.find(name).map(ProjectionResponse::of).orElseThrow(() -> notFound(name));
    }

    @PostMapping("/{name}/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ProjectionResponse rebuild(@PathVariable String name) {
        if (operations.processor(name).isEmpty()) {
            throw notFound(name);
        }
        try {
            operations.rebuild(name);
        } catch (IllegalStateException e) {
            throw ApiException.conflict("projection_not_rebuildable", "Projection '" + name + "' cannot be rebuilt: "
                    + e.getMessage());
        }
        return get(name);
    }

    @GetMapping("/{name}/dead_letters")
    ApiList<DeadLetterResponse> deadLetters(@PathVariable String name,
                                            @RequestParam(name = "limit", defaultValue = "100") String limit) {
        requireDeadLetterQueue(name);
        int n = parseLimit(limit);
        List<ProjectionOperations.StoredDeadLetter> letters = operations.deadLetters(name, n + 1);
        boolean hasMore = letters.size() > n;
        return new ApiList<>("list", letters.stream().limit(n).map(DeadLetterResponse::of).toList(), hasMore);
    }

    @PostMapping("/{name}/dead_letters/retry")
    RetryResponse retry(@PathVariable String name) {
        requireDeadLetterQueue(name);
        ProjectionOperations.RetryResult result = operations.retryDeadLetters(name);
        return new RetryResponse(name, "dead_letter_retry", result.retried(), result.succeeded(), result.remaining());
    }

    private void requireDeadLetterQueue(String name) {
        if (operations.processor(name).isEmpty()) {
            throw notFound(name);
        }
        if (!operations.hasDeadLetterQueue(name)) {
            throw ApiException.conflict("no_dead_letter_queue", "Projection '" + name
                    + "' has no dead-letter queue: its failures are retried in place");
        }
    }

    private static int parseLimit(String raw) {
        try {
            int n = Integer.parseInt(raw);
            if (n >= 1 && n <= MAX_DEAD_LETTERS) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ApiException.badRequest("invalid_limit", "limit", "limit must be an integer from 1 to " + MAX_DEAD_LETTERS);
    }

    private static ApiException notFound(String name) {
        return ApiException.notFound("projection", name);
    }
}
