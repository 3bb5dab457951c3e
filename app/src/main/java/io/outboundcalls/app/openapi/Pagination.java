package io.outboundcalls.app.openapi;

import io.outboundcalls.app.web.ApiList;
import io.outboundcalls.app.web.StoredList;
import io.outboundcalls.app.web.ListParams;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.ArrayList;
import java.util.List;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.web.method.HandlerMethod;

/** The paging parameters {@link ListParams} reads, on every operation that answers an {@link ApiList} (or a {@link StoredList}). */
final class Pagination implements OperationCustomizer {

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        Class<?> answer = handler.getMethod().getReturnType();
        if (!ApiList.class.isAssignableFrom(answer) && !StoredList.class.isAssignableFrom(answer)) {
            return operation;
        }
        List<Parameter> parameters = new ArrayList<>();
        parameters.add(query("limit", new IntegerSchema().minimum(java.math.BigDecimal.ONE)
                .maximum(java.math.BigDecimal.valueOf(ListParams.MAX_LIMIT))._default(ListParams.DEFAULT_LIMIT),
                "How many objects to return (newest first)"));
        parameters.add(query("starting_after", new StringSchema(), "The page after this object's id (the last id of the previous page)"));
        parameters.add(query("ending_before", new StringSchema(), "The page before this object's id"));
        parameters.add(query("created_gte", new StringSchema().format("date-time"), "Only objects created at or after (ISO-8601)"));
        parameters.add(query("created_lt", new StringSchema().format("date-time"), "Only objects created before (ISO-8601)"));
        if (operation.getParameters() != null) {
            parameters.addAll(operation.getParameters());
        }
        operation.setParameters(parameters);
        return operation;
    }

    private static Parameter query(String name, Schema<?> schema, String description) {
        return new Parameter().in("query").name(name).required(false).schema(schema).description(description);
    }
}
