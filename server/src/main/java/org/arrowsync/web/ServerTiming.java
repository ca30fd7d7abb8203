package org.arrowsync.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.arrowsync.shared.Caller;
import org.arrowsync.shared.RequestTimings;
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
 * {@code app}), and a list how much of that its count, its page and the rows read beside it (an invoice's items, a
 * sync's) took: {@code count;dur=}, {@code page;dur=}, {@code related;dur=}, the rest being checks and mapping; as
 * {@code bench/api-lists} prints them (#16). Browsers show it beside each request. Only a caller who signed in with a
 * token gets it: an anonymous one (health probes, sign-in attempts) learns nothing of the server's work.
 */
@ControllerAdvice
class ServerTiming implements ResponseBodyAdvice<Object> {

    static final String HEADER = "Server-Timing";
    private static final String STARTED = ServerTiming.class.getName() + ".started";

    /** Marks the request's start, before any other filter takes its time, and keeps its parts' times. */
    static void start(HttpServletRequest request) {
        request.setAttribute(STARTED, System.nanoTime());
        RequestTimings.begin();
    }

    /** Stops keeping the request's parts' times, if its answer has not. */
    static void end() {
        RequestTimings.end();
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
            StringBuilder timing = new StringBuilder(metric("app", System.nanoTime() - started));
            RequestTimings.end().forEach((part, nanos) -> timing.append(", ").append(metric(part, nanos)));
            response.getHeaders().set(HEADER, timing.toString());
        }
        return body;
    }

    private static String metric(String name, long nanos) {
        return String.format(Locale.ROOT, "%s;dur=%.1f", name, nanos / 1e6);
    }
}
