package io.outboundcalls.app.agents;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.outboundcalls.app.web.ResponseJson;
import io.outboundcalls.query.agent.AgentView;
import org.springframework.stereotype.Component;

/** The agent object's JSON, for the agents projection to store with each row. */
@Component
class AgentJson extends ResponseJson<AgentView> {

    AgentJson(ObjectMapper mapper) {
        super(mapper, AgentResponse::of);
    }
}
