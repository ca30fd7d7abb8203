package org.arrowsync.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * What Tomcat refuses before any application code runs (an encoded slash, backslash or NUL in the path, a malformed
 * escape) is answered like every other refusal: a JSON body with the answer headers, not Tomcat's HTML page. Errors the
 * application answered itself pass through untouched.
 */
@Component
class ContainerErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            StandardHost host = (StandardHost) context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            host.setErrorReportValveClass(JsonErrorReport.class.getName());
            host.getPipeline().addValve(new JsonErrorReport());
        });
    }

    /** Tomcat's last resort for an error answer without a body, in JSON. */
    static class JsonErrorReport extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0) {
                return;
            }
            AtomicBoolean writable = new AtomicBoolean(true);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, writable);
            if (!writable.get()) {
                return;
            }
            String detail = ErrorDetails.of(status);
            try {
                response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                response.setHeader("X-Content-Type-Options", "nosniff");
                response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write("{\"detail\": \"" + detail + "\"}");
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException closed) {
                // the connection is gone or the answer was committed meanwhile: nothing left to say
            }
        }
    }
}
