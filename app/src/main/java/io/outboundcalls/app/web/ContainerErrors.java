package io.outboundcalls.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.outboundcalls.command.common.Ids;
import org.apache.catalina.Host;
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
import java.util.LinkedHashMap;
import java.util.Map;

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

        private static final ObjectMapper JSON = new ObjectMapper();

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            HttpStatus resolved = HttpStatus.resolve(status);
            String title = resolved == null ? "Error" : resolved.getReasonPhrase();
            String code = status == 400 ? "invalid_request"
                    : resolved != null && resolved.is5xxServerError() ? "internal_error" : "request_failed";
            String detail = status == 400 ? "The request could not be read: its path or a header holds a character "
                    + "that is not allowed (an encoded slash, backslash or NUL, a control character), or cannot be decoded"
                    : title;
            String requestId = Ids.newId("req");
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "https://outboundcalls.dev/problems/" + code);
            problem.put("title", title);
            problem.put("status", status);
            problem.put("detail", detail);
            problem.put("code", code);
            problem.put("param", null);
            problem.put("request_id", requestId);
            try {
                response.setContentType(ProblemWriter.PROBLEM_JSON.toString());
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                response.setHeader(RequestIds.HEADER, requestId);
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(JSON.writeValueAsString(problem));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                container().getLogger().debug("Could not write the error report", e);
            }
        }

        private Host container() {
            return (Host) getContainer();
        }
    }
}
