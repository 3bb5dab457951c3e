package io.outboundcalls.app.calls;

import io.outboundcalls.app.web.ApiException;
import io.outboundcalls.app.web.ListParams;
import io.outboundcalls.app.web.ApiGateway;
import io.outboundcalls.app.web.StoredList;
import io.outboundcalls.command.account.AccountRegistry.Principal;
import io.outboundcalls.command.call.HangUpCallCommand;
import io.outboundcalls.command.common.Ids;
import io.outboundcalls.command.dialer.DialerEffects;
import io.outboundcalls.command.telephony.CallGateway;
import io.outboundcalls.events.call.CallHangUpRequestedEvent;
import io.outboundcalls.events.call.CallOutcome;
import io.outboundcalls.events.call.TranscriptTurn;
import io.outboundcalls.query.call.CallProjection;
import io.outboundcalls.query.call.CallView;
import io.outboundcalls.query.call.FindCallQuery;
import io.outboundcalls.query.call.FindTranscriptQuery;
import io.outboundcalls.query.call.ListCallsQuery;
import io.outboundcalls.query.call.TranscriptView;
import io.outboundcalls.query.common.PageResponseType;
import io.outboundcalls.webhooks.payload.CallResponse;
import io.outboundcalls.webhooks.payload.TranscriptResponse;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /v1/calls}: calls are created by the dialer only; clients read them, their recording and transcript. */
@Tag(name = "Calls", description = "Calls placed by campaigns, with transcripts and recordings")
@RestController
@RequestMapping("/v1/calls")
class CallController {

    private static final Set<String> STATUSES = Set.of("queued", "ringing", "in_progress", "completed", "failed",
            "no_answer", "busy", "canceled");
    private static final Set<String> OUTCOMES = Arrays.stream(CallOutcome.values()).map(CallOutcome::apiName)
            .collect(Collectors.toCollection(LinkedHashSet::new));
    static final MediaType AUDIO_WAV = MediaType.parseMediaType("audio/wav");

    /** Statuses of a call still on its way or on the line: a hang-up ends it. */
    private static final Set<String> LIVE = Set.of("queued", "ringing", "in_progress");

    private final QueryGateway queries;
    private final CallGateway telephony;
    private final ApiGateway api;
    private final Clock clock;

    CallController(QueryGateway queries, CallGateway telephony, ApiGateway api, Clock clock) {
        this.queries = queries;
        this.telephony = telephony;
        this.api = api;
        this.clock = clock;
    }

    @GetMapping
    @Operation(operationId = "listCalls", summary = "List calls")
    @Parameter(in = ParameterIn.QUERY, name = "campaign_id", description = "Only calls of this campaign", schema = @Schema(type = "string"))
    @Parameter(in = ParameterIn.QUERY, name = "contact_id", description = "Only calls to this contact", schema = @Schema(type = "string"))
    @Parameter(in = ParameterIn.QUERY, name = "agent_id", description = "Only calls by this agent", schema = @Schema(type = "string"))
    @Parameter(in = ParameterIn.QUERY, name = "status", description = "Only calls in this status",
            schema = @Schema(allowableValues = {"queued", "ringing", "in_progress", "completed", "failed", "no_answer", "busy", "canceled"}))
    @Parameter(in = ParameterIn.QUERY, name = "outcome", description = "Only calls with this outcome",
            schema = @Schema(allowableValues = {"completed", "voicemail", "no_answer", "busy", "failed", "opted_out", "transferred", "max_duration"}))
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = CallList.class)))
    StoredList list(Principal principal, HttpServletRequest request) {
        ListParams params = ListParams.of(request, "campaign_id", "contact_id", "agent_id", "status", "outcome");
        var page = params.page("call");
        ListCallsQuery query = new ListCallsQuery(principal.accountId(), params.string("campaign_id", 100),
                params.string("contact_id", 100), params.string("agent_id", 100), params.enumValue("status", STATUSES),
                params.enumValue("outcome", OUTCOMES), page);
        params.throwIfInvalid();
        return new StoredList(queries.query(query, PageResponseType.pageOf(String.class)).join());
    }

    /** The schema of {@link #list}'s answer, which is the stored JSON of each call in this envelope. */
    @Schema(name = "ApiListCallResponse")
    @JsonPropertyOrder({"object", "data", "has_more"})
    record CallList(String object, List<CallResponse> data, boolean hasMore) {
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getCall", summary = "Retrieve a call")
    CallResponse get(Principal principal, @PathVariable String id) {
        return CallResponse.of(find(principal, id));
    }

    /**
     * Ends a live call (status {@code canceled}); a call already over, or asked again, answers as it
     * is. The answer waits, bounded, until the port was told and the call's end is readable: with the
     * simulator that is at once, a real provider reports the end moments later.
     */
    @PostMapping("/{id}/hang_up")
    CallResponse hangUp(Principal principal, @PathVariable String id) {
        CallView call = find(principal, id);
        if (!LIVE.contains(call.status())) {
            return CallResponse.of(call);
        }
        api.send(new HangUpCallCommand(id, principal.accountId(), CallHangUpRequestedEvent.HANG_UP, clock.instant()));
        // the dialer's effects group passes the hang-up to the telephony port (CallHangUps)
        api.awaitProjection(DialerEffects.PROCESSING_GROUP, id);
        api.awaitProjection(CallProjection.PROCESSING_GROUP, id);
        return CallResponse.of(find(principal, id));
    }

    /** The WAV; Spring answers a {@code Range} request for a Resource body with 206 and the asked bytes. */
    @GetMapping("/{id}/recording")
    @Operation(operationId = "getCallRecording", summary = "Download a call's recording (audio/wav, supports Range)")
    @ApiResponse(responseCode = "200", description = "The recording",
            content = @Content(mediaType = "audio/wav", schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "404", description = "resource_missing, or no_recording when the call has none")
    ResponseEntity<Resource> recording(Principal principal, @PathVariable String id) {
        CallView call = find(principal, id);
        byte[] wav = Optional.ofNullable(call.recordingRef()).flatMap(telephony::fetchRecording)
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "no_recording", "id", "Call '" + id + "' has no recording"));
        return ResponseEntity.ok().contentType(AUDIO_WAV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + id + ".wav\"")
                .header(HttpHeaders.ACCEPT_RANGES, "bytes")
                .body(new ByteArrayResource(wav));
    }

    /** JSON turns by default; plain text when the client asks for text/plain (and not JSON). */
    @GetMapping("/{id}/transcript")
    @Operation(operationId = "getCallTranscript", summary = "Retrieve a call's transcript (JSON turns, or text/plain)")
    @ApiResponse(responseCode = "200", description = "The transcript",
            content = {@Content(mediaType = "application/json", schema = @Schema(implementation = TranscriptResponse.class)),
            @Content(mediaType = "text/plain", schema = @Schema(type = "string"))})
    ResponseEntity<?> transcript(Principal principal, @PathVariable String id,
                                 @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        find(principal, id);
        List<TranscriptTurn> turns = queries.query(new FindTranscriptQuery(principal.accountId(), id),
                ResponseTypes.optionalInstanceOf(TranscriptView.class)).join().map(TranscriptView::turns).orElse(List.of());
        if (wantsText(accept)) {
            String text = TranscriptResponse.text(turns);
            return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_PLAIN, java.nio.charset.StandardCharsets.UTF_8))
                    .body(text.isEmpty() ? "" : text + "\n");
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(TranscriptResponse.of(id, turns));
    }

    private static boolean wantsText(String accept) {
        if (accept == null) {
            return false;
        }
        List<MediaType> types = MediaType.parseMediaTypes(accept);
        MediaType.sortBySpecificityAndQuality(types);
        for (MediaType type : types) {
            if (type.isCompatibleWith(MediaType.APPLICATION_JSON) && !type.isWildcardType()) {
                return false;
            }
            if (type.isCompatibleWith(MediaType.TEXT_PLAIN) && !type.isWildcardType()) {
                return true;
            }
        }
        return false;
    }

    private CallView find(Principal principal, String id) {
        if (!Ids.hasPrefix(id, "call")) {
            throw ApiException.notFound("call", id);
        }
        return queries.query(new FindCallQuery(principal.accountId(), id), ResponseTypes.optionalInstanceOf(CallView.class))
                .join().orElseThrow(() -> ApiException.notFound("call", id));
    }
}
