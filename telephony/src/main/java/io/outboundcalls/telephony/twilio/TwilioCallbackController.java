package io.outboundcalls.telephony.twilio;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Twilio's form callbacks, each naming our call in {@code call_id}. They reach this controller only with a valid
 * {@code X-Twilio-Signature} (checked in the security chain for {@code /telephony/**}).
 */
@RestController
@RequestMapping(TwilioUrls.ROOT)
@ConditionalOnProperty(name = "outboundcalls.telephony.provider", havingValue = "twilio")
class TwilioCallbackController {

    static final MediaType TWIML = MediaType.parseMediaType("text/xml;charset=UTF-8");

    private final TwilioCallbacks callbacks;

    TwilioCallbackController(TwilioCallbacks callbacks) {
        this.callbacks = callbacks;
    }

    @PostMapping("/status")
    ResponseEntity<Void> status(@RequestParam("call_id") String callId, HttpServletRequest request) {
        callbacks.status(callId, form(request));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/amd")
    ResponseEntity<Void> amd(@RequestParam("call_id") String callId, HttpServletRequest request) {
        callbacks.amd(callId, form(request));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/recording")
    ResponseEntity<Void> recording(@RequestParam("call_id") String callId, HttpServletRequest request) {
        callbacks.recording(callId, form(request));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/relay-ended")
    ResponseEntity<String> relayEnded(@RequestParam("call_id") String callId, HttpServletRequest request) {
        return ResponseEntity.ok().contentType(TWIML).body(callbacks.relayEnded(callId, form(request)));
    }

    private static Map<String, String> form(HttpServletRequest request) {
        Map<String, String> form = new HashMap<>();
        request.getParameterMap().forEach((name, values) -> form.put(name, values.length == 0 ? null : values[0]));
        return form;
    }
}
