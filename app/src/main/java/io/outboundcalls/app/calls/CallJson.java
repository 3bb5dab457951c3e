package io.outboundcalls.app.calls;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.outboundcalls.app.web.ResponseJson;
import io.outboundcalls.query.call.CallView;
import io.outboundcalls.webhooks.payload.CallResponse;
import org.springframework.stereotype.Component;

/** The call object's JSON, for the calls projection to store with each row. */
@Component
class CallJson extends ResponseJson<CallView> {

    CallJson(ObjectMapper mapper) {
        super(mapper, CallResponse::of);
    }
}
