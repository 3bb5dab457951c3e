package io.outboundcalls.app.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import io.outboundcalls.app.support.ApiTest;
import io.outboundcalls.app.support.RawHttp;
import org.junit.jupiter.api.Test;

/** With the simulator (the shared test context) there is no Twilio: its callback paths do not exist. */
class TelephonyRoutesApiTest extends ApiTest {

    @Test
    void twilioCallbacksAreNotServedWithTheSimulator() {
        for (String path : new String[] {"/telephony/twilio/status?call_id=call_1", "/telephony/twilio/relay-ended?call_id=call_1"}) {
            RawHttp.Response response = new RawHttp(port, "127.0.0.1").send("POST", path, null);
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.json().path("code").asText()).isEqualTo("route_not_found");
        }
    }
}
