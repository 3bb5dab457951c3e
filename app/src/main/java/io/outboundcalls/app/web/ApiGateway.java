package io.outboundcalls.app.web;

import io.outboundcalls.query.common.Page;
import io.outboundcalls.query.common.PageResponseType;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * What every resource controller needs from the service: the request body, commands sent and
 * awaited, read-your-writes on the projection that serves the GETs, and queries.
 */
@Component
public class ApiGateway {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ReadYourWrites readYourWrites;
    private final JsonBodies bodies;

    ApiGateway(CommandGateway commands, QueryGateway queries, ReadYourWrites readYourWrites, JsonBodies bodies) {
        this.commands = commands;
        this.queries = queries;
        this.readYourWrites = readYourWrites;
        this.bodies = bodies;
    }

    public JsonFields body(HttpServletRequest request) {
        return bodies.read(request);
    }

    /** Sends a command and waits for its outcome (a refusal is thrown). */
    public <R> R send(Object command) {
        return commands.sendAndWait(command);
    }

    /** Waits until {@code projection} has processed the aggregate's latest event. */
    public void awaitProjection(String projection, String aggregateId) {
        readYourWrites.await(projection, aggregateId);
    }

    /** One object of a query answering {@code Optional<V>}. */
    public <V> Optional<V> findOne(Object query, Class<V> type) {
        return queries.query(query, ResponseTypes.optionalInstanceOf(type)).join();
    }

    /** A page of a list query answering {@code Page<V>}. */
    public <V> Page<V> page(Object query, Class<V> type) {
        return queries.query(query, PageResponseType.pageOf(type)).join();
    }

    /** The answer of a query that always has one ({@code V}). */
    public <V> V query(Object query, Class<V> type) {
        return queries.query(query, ResponseTypes.instanceOf(type)).join();
    }
}
