package io.outboundcalls.app.web;

import io.outboundcalls.platform.Json;
import io.outboundcalls.command.common.Ids;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Requests that Tomcat refuses before any filter or servlet runs (an encoded slash {@code %2F}, an
 * encoded NUL, a path that cannot be decoded) still answer problem+json with a Request-Id, never
 * Tomcat's HTML error page. Errors raised inside the application go to {@link ProblemErrorController}.
 */
@Component
class ContainerErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
        });
    }

    /** Instantiated by Tomcat by its class name, so public with a no-argument constructor. */
    public static class ProblemReportValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            HttpStatus resolved = HttpStatus.resolve(response.getStatus());
            if (resolved == null || !resolved.isError() || response.getContentWritten() > 0
                    || !response.setErrorReported()) {
                return;
            }
            ApiException problem = resolved == HttpStatus.BAD_REQUEST
                    ? ApiException.badRequest("invalid_request", null, "The request could not be read: its path or a "
                    + "header holds a character that is not allowed (an encoded slash, backslash or NUL, a control "
                    + "character), or cannot be decoded")
                    : new ApiException(resolved, resolved.is5xxServerError() ? "internal_error" : "request_failed", null,
                    resolved.getReasonPhrase());
            String requestId = Ids.newId("req");
            try {
                response.setContentType(ProblemWriter.PROBLEM_JSON.toString());
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                response.setHeader(RequestIds.HEADER, requestId);
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(Json.MAPPER.writeValueAsString(ProblemWriter.body(problem, requestId)));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                getContainer().getLogger().debug("Could not write the error report", e);
            }
        }
    }
}
