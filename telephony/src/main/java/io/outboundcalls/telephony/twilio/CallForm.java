package io.outboundcalls.telephony.twilio;

import io.outboundcalls.command.telephony.DialRequest;

/**
 * The Calls.json form of one call: the campaign's caller id (else the configured default), the relay TwiML,
 * every status event to our status callback, async answering-machine detection that waits for the end of the
 * greeting (the moment to leave a voicemail), the recording, the ring timeout and the agent's longest call.
 */
final class CallForm {

    static final String[] STATUS_EVENTS = {"initiated", "ringing", "answered", "completed"};

    private CallForm() {
    }

    static Form of(DialRequest request, TwilioProperties properties, TwilioCallSettings settings) {
        TwilioUrls urls = new TwilioUrls(properties.publicBaseUrl());
        String from = request.from() == null || request.from().isBlank() ? properties.fromNumber() : request.from();
        Form form = new Form()
                .add("To", request.to())
                .add("From", from)
                .add("Twiml", Twiml.relay(urls, request))
                .add("StatusCallback", urls.callback(TwilioUrls.STATUS, request.callId()))
                .add("StatusCallbackMethod", "POST");
        for (String event : STATUS_EVENTS) {
            form.add("StatusCallbackEvent", event);
        }
        return form.add("MachineDetection", "DetectMessageEnd")
                .add("AsyncAmd", "true")
                .add("AsyncAmdStatusCallback", urls.callback(TwilioUrls.AMD, request.callId()))
                .add("AsyncAmdStatusCallbackMethod", "POST")
                .add("Record", "true")
                .add("RecordingStatusCallback", urls.callback(TwilioUrls.RECORDING, request.callId()))
                .add("RecordingStatusCallbackMethod", "POST")
                .add("RecordingStatusCallbackEvent", "completed")
                .add("RecordingStatusCallbackEvent", "absent")
                .add("Timeout", settings.ringTimeout().toSeconds())
                .add("TimeLimit", request.agent().maxDurationSeconds());
    }
}
