package org.arrowsync.console;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Behind a proxy that ends HTTPS ({@code X-Forwarded-Proto: https}, the header the server already honours for its
 * links), the request counts as secure for Tomcat too, so the session cookie it sets carries {@code Secure}. Spring's
 * forwarded-header support only changes what the application sees, not the cookie Tomcat writes.
 */
@Component
class SecureBehindProxy implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextValves(new ValveBase(true) {
            @Override
            public void invoke(Request request, Response response) throws IOException, ServletException {
                if ("https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"))) {
                    request.setSecure(true);
                }
                getNext().invoke(request, response);
            }
        });
    }
}
