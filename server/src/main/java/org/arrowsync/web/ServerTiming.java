package org.arrowsync.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.arrowsync.shared.Caller;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Every answer with a body the API writes says in {@code Server-Timing} how long the server took before it began to
 * write it ({@code app;dur=} milliseconds since the request came in: its checks, the database and the mapping), so a
 * slow answer tells whether its time went in reading the data or in writing the answer (a client's time less
 * {@code app}), as {@code bench/api-lists} prints it (#16). Browsers show it beside each request. Only a caller who
 * signed in with a token gets it: an anonymous one (health probes, sign-in attempts) learns nothing of the server's
 * work.
 */
@ControllerAdvice
class ServerTiming implements ResponseBodyAdvice<Object> {

    static final String HEADER = "Server-Timing";
    private static final String STARTED = ServerTiming.class.getName() + ".started";

    /** Marks the request's start, before any other filter takes its time. */
    static void start(HttpServletRequest request) {
        request.setAttribute(STARTED, System.nanoTime());
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(
            Object body,
            MethodParameter returnType,
            MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType,
            ServerHttpRequest request,
            ServerHttpResponse response) {
        if (request instanceof ServletServerHttpRequest servlet
                && servlet.getServletRequest().getUserPrincipal() instanceof Caller
                && servlet.getServletRequest().getAttribute(STARTED) instanceof Long started) {
            double millis = (System.nanoTime() - started) / 1e6;
            response.getHeaders().set(HEADER, String.format(Locale.ROOT, "app;dur=%.1f", millis));
        }
        return body;
    }
}
