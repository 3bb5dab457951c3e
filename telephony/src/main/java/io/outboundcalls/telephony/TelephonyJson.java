package io.outboundcalls.telephony;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The telephony module's one JSON mapper for provider and model wire formats (never Spring MVC's, never Axon's). */
public final class TelephonyJson {

    public static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private TelephonyJson() {
    }
}
