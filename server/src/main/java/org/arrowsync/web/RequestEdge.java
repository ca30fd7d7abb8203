package org.arrowsync.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.arrowsync.shared.Htmx;
import org.arrowsync.shared.InvalidInput;
import org.arrowsync.shared.TextRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every request meets right after its request id ({@link RequestIdFilter}), whatever endpoint it is for (present
 * or future): the answer headers no response may lack ({@code nosniff}, {@code no-store}), and the refusals that need
 * no endpoint to decide: a method no endpoint takes (405), a path in any but its canonical spelling (so the path
 * checked is the path routed), a query string, a query parameter or a body beyond {@link RequestLimits}, parameters the
 * container cannot decode, a wildcard body type, a console request whose body is not a form, and characters no text may
 * hold in a query parameter or a form field ({@link TextRules}). A refusal is a 4xx with a JSON body, logged at DEBUG:
 * a client's bad request is no server error.
 */
class RequestEdge extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RequestEdge.class);

    /** The methods whose requests take a body, whether or not they send one. */
    private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH");
    /** The methods the API and the console take; any other is refused here (405, as Waldur answers it). */
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private final RequestLimits limits;
    private final JsonMapper json;
    private final ObjectProvider<RequestMappingHandlerMapping> routes;

    RequestEdge(RequestLimits limits, JsonMapper json, ObjectProvider<RequestMappingHandlerMapping> routes) {
        this.limits = limits;
        this.json = json;
        this.routes = routes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        // answers carry tokens and billing data; an endpoint that may be cached says so itself
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        if (refused(request, response)) {
            return;
        }
        chain.doFilter(lastValues(limitBody(EmptyPatch.asEmptyObject(request))), response);
    }

    /**
     * A query parameter the API is given twice takes its last value, as Django's {@code QueryDict} gives Waldur's views
     * one ({@code ?page=2&page=3} is page 3), and Spring would otherwise take the first, or join them into one text
     * that no filter reads; but for the endpoint's multiple-choice filters (a list parameter: Waldur's resource
     * states), whose every value counts. The console's forms keep theirs.
     */
    private HttpServletRequest lastValues(HttpServletRequest request) {
        if (!request.getRequestURI().startsWith("/api/")
                || request.getParameterMap().values().stream().noneMatch(values -> values.length > 1)) {
            return request;
        }
        Set<String> multiple = listParameters(request);
        Map<String, String[]> last = new LinkedHashMap<>();
        request.getParameterMap()
                .forEach((name, values) -> last.put(
                        name, multiple.contains(name) ? values.clone() : new String[] {values[values.length - 1]}));
        Map<String, String[]> parameters = Collections.unmodifiableMap(last);
        return new HttpServletRequestWrapper(request) {
            @Override
            public String getParameter(String name) {
                String[] values = parameters.get(name);
                return values == null ? null : values[0];
            }

            @Override
            public String[] getParameterValues(String name) {
                String[] values = parameters.get(name);
                return values == null ? null : values.clone();
            }

            @Override
            public Map<String, String[]> getParameterMap() {
                return parameters;
            }

            @Override
            public Enumeration<String> getParameterNames() {
                return Collections.enumeration(parameters.keySet());
            }
        };
    }

    private boolean refused(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getProtocol() == null
                || request.getProtocol().isEmpty()
                || "HTTP/0.9".equals(request.getProtocol())) {
            // Tomcat still answers a request line without a version, as HTTP/0.9: the body alone, no status
            return refuse(
                    request,
                    response,
                    HttpServletResponse.SC_HTTP_VERSION_NOT_SUPPORTED,
                    Map.of("detail", ErrorDetails.of(HttpServletResponse.SC_HTTP_VERSION_NOT_SUPPORTED)));
        }
        if (!METHODS.contains(request.getMethod())) {
            allowed(request).ifPresent(allow -> response.setHeader(HttpHeaders.ALLOW, allow));
            return refuse(
                    request,
                    response,
                    HttpServletResponse.SC_METHOD_NOT_ALLOWED,
                    Map.of("detail", ErrorDetails.methodNotAllowed(request.getMethod())));
        }
        if (!TextRules.canonicalPath(request.getRequestURI())) {
            return refuse(
                    request,
                    response,
                    HttpServletResponse.SC_BAD_REQUEST,
                    Map.of("detail", "Malformed path: no empty, '.' or '..' segments, no control characters."));
        }
        String query = request.getQueryString();
        if (query != null && query.length() > limits.maxQueryLength()) {
            return refuse(
                    request,
                    response,
                    414,
                    Map.of("detail", "The query string is longer than " + limits.maxQueryLength() + " characters."));
        }
        if (request.getContentLengthLong() > limits.maxBodySize().toBytes()) {
            return refuse(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, tooLarge());
        }
        String[] pairs = query == null || query.isEmpty() ? new String[0] : query.split("&");
        if (pairs.length > limits.maxParameters()) {
            return refuse(
                    request,
                    response,
                    HttpServletResponse.SC_BAD_REQUEST,
                    Map.of("detail", "More than " + limits.maxParameters() + " query parameters."));
        }
        if (wildcardContentType(request)) {
            return refuse(
                    request,
                    response,
                    HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE,
                    Map.of("detail", "Unsupported media type \"" + request.getContentType() + "\" in request."));
        }
        if (consoleBodyNotAForm(request)) {
            return refuse(
                    request,
                    response,
                    HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE,
                    Map.of(
                            "detail",
                            "The console takes its forms as " + MediaType.APPLICATION_FORM_URLENCODED_VALUE + ", not "
                                    + (request.getContentType() == null
                                            ? "a body without a Content-Type"
                                            : "\"" + request.getContentType() + "\"")
                                    + "."));
        }
        for (String pair : pairs) {
            String[] parts = pair.split("=", 2);
            String name = decoded(parts[0]);
            String value = parts.length == 2 ? decoded(parts[1]) : "";
            String problem = name == null || value == null ? "Malformed escape." : problem(name, value);
            if (problem != null) {
                return refuse(
                        request, response, HttpServletResponse.SC_BAD_REQUEST, Map.of(field(name), List.of(problem)));
            }
        }
        if (!parametersReadable(request)) {
            return refuse(
                    request,
                    response,
                    HttpServletResponse.SC_BAD_REQUEST,
                    Map.of("detail", "Malformed parameters: an escape is malformed or its bytes are not UTF-8."));
        }
        if (isForm(request)) {
            for (Map.Entry<String, String[]> parameter :
                    request.getParameterMap().entrySet()) {
                String problem = formProblem(parameter.getKey(), parameter.getValue());
                if (problem != null) {
                    return refuse(
                            request,
                            response,
                            HttpServletResponse.SC_BAD_REQUEST,
                            Map.of(field(parameter.getKey()), List.of(problem)));
                }
            }
        }
        return false;
    }

    /**
     * A console request of a method that takes a body must send a URL-encoded form: its handlers read form fields, and
     * would act on the empty form that a JSON or text body leaves them (a settings record saved inactive, a cleanup of
     * every month), and so would they on a multipart one, which nothing here reads (uploads are turned off).
     */
    private static boolean consoleBodyNotAForm(HttpServletRequest request) {
        return BODY_METHODS.contains(request.getMethod())
                && !request.getRequestURI().startsWith("/api/")
                && !isForm(request);
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
    }

    /**
     * A form field (the console's forms, its sign-in): the query's rules, but a value may hold line breaks as a body's
     * text does, and its length is the body's to limit.
     */
    private static String formProblem(String name, String[] values) {
        String problem = TextRules.problem(name, false);
        for (int i = 0; problem == null && i < values.length; i++) {
            problem = TextRules.problem(values[i], true);
        }
        return problem;
    }

    /**
     * A body's type must name one: {@code *}{@code /*} or {@code application/*} says nothing of how to read it, and the
     * framework fails on it rather than refusing it, even on an empty body; a type that cannot be read at all
     * ({@code *}{@code /json}) is refused here too, naming it. A request that sends no body and is not of a method that
     * takes one is not asked.
     */
    private static boolean wildcardContentType(HttpServletRequest request) {
        String type = request.getContentType();
        boolean body = request.getContentLengthLong() > 0
                || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null
                || BODY_METHODS.contains(request.getMethod());
        if (type == null || !body) {
            return false;
        }
        try {
            MediaType parsed = MediaType.parseMediaType(type);
            return parsed.isWildcardType() || parsed.isWildcardSubtype();
        } catch (InvalidMediaTypeException unparsable) {
            // refused here too: the framework's 415 names the type "null"
            return true;
        }
    }

    /**
     * Whether the container can read the query's parameters (and a form body's): it refuses text that is not UTF-8
     * where this filter's own decoding would replace it, and a refusal found later is no 500.
     */
    private static boolean parametersReadable(HttpServletRequest request) {
        try {
            request.getParameterMap();
            return true;
        } catch (InvalidParameterException unreadable) {
            return false;
        }
    }

    /** A query component as the container decodes it; null when its escapes are malformed. */
    private static String decoded(String component) {
        try {
            return UriUtils.decode(component.replace('+', ' '), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    private String problem(String name, String value) {
        String problem = TextRules.problem(name, false);
        if (problem == null && value.length() > limits.maxParameterLength()) {
            problem = "Ensure this value has at most " + limits.maxParameterLength() + " characters.";
        }
        return problem != null ? problem : TextRules.problem(value, false);
    }

    /** The field a refusal names: the parameter, unless its name is itself what cannot be repeated. */
    private static String field(String name) {
        return name != null && name.length() <= 64 && TextRules.problem(name, false) == null
                ? name
                : InvalidInput.NON_FIELD_ERRORS;
    }

    private Map<String, String> tooLarge() {
        return Map.of(
                "detail",
                "The request body is larger than " + limits.maxBodySize().toBytes() + " bytes.");
    }

    /**
     * The {@code Allow} header a 405 of the request's path gives, as its endpoints list their methods; empty for a path
     * no endpoint has.
     */
    private Optional<String> allowed(HttpServletRequest request) {
        try {
            endpoint(request);
            return Optional.empty();
        } catch (HttpRequestMethodNotSupportedException e) {
            return Optional.ofNullable(e.getHeaders().getFirst(HttpHeaders.ALLOW));
        } catch (Exception e) {
            log.debug("No methods found for {}", request.getRequestURI(), e);
            return Optional.empty();
        }
    }

    /** The query parameters the request's endpoint takes as a list ({@code @RequestParam List<String>}). */
    private Set<String> listParameters(HttpServletRequest request) {
        try {
            Set<String> names = new HashSet<>();
            for (MethodParameter parameter :
                    endpoint(request).map(HandlerMethod::getMethodParameters).orElse(new MethodParameter[0])) {
                RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
                if (param != null && List.class.isAssignableFrom(parameter.getParameterType())) {
                    names.add(param.name().isEmpty() ? parameter.getParameterName() : param.name());
                }
            }
            return names;
        } catch (Exception e) {
            log.debug("No endpoint found for {}", request.getRequestURI(), e);
            return Set.of();
        }
    }

    /**
     * The controller method the request's path and method map to, as the dispatcher will find it (this filter runs
     * before it); a path no endpoint has is empty, a method its endpoints do not take throws as the mapping does.
     */
    private Optional<HandlerMethod> endpoint(HttpServletRequest request) throws Exception {
        try {
            ServletRequestPathUtils.parseAndCache(request);
            for (RequestMappingHandlerMapping mapping : routes.orderedStream().toList()) {
                HandlerExecutionChain chain = mapping.getHandler(request);
                if (chain != null && chain.getHandler() instanceof HandlerMethod method) {
                    return Optional.of(method);
                }
            }
            return Optional.empty();
        } finally {
            ServletRequestPathUtils.clearParsedRequestPath(request);
        }
    }

    /**
     * Answers a refusal: in JSON, or in words to a browser outside the API, a page for a page and the page's message
     * for htmx.
     */
    private boolean refuse(HttpServletRequest request, HttpServletResponse response, int status, Map<String, ?> body)
            throws IOException {
        log.debug("Refused at the edge with HTTP {}: {}", status, body);
        response.setStatus(status);
        if (BrowserPages.fromHtmx(request)) {
            Htmx.toMessages(response);
            writeHtml(response, BrowserPages.notice(BrowserPages.words(body)));
        } else if (BrowserPages.wanted(request)) {
            writeHtml(response, BrowserPages.page("Refused", BrowserPages.words(body)));
        } else {
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            json.writeValue(response.getOutputStream(), body);
        }
        return true;
    }

    private static void writeHtml(HttpServletResponse response, String html) throws IOException {
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8);
        response.getWriter().write(html);
    }

    /** A body sent without a length (chunked) is counted as it is read, and stops at the limit. */
    private HttpServletRequest limitBody(HttpServletRequest request) {
        long max = limits.maxBodySize().toBytes();
        return new HttpServletRequestWrapper(request) {
            private ServletInputStream limited;

            @Override
            public ServletInputStream getInputStream() throws IOException {
                if (limited == null) {
                    limited = new LimitedInput(super.getInputStream(), max);
                }
                return limited;
            }
        };
    }

    /** The request body was larger than the limit; the exception handler answers 413. */
    static final class BodyTooLarge extends IOException {
        BodyTooLarge(long max) {
            super("The request body is larger than " + max + " bytes.");
        }
    }

    private static final class LimitedInput extends ServletInputStream {

        private final ServletInputStream in;
        private final long max;
        private long read;

        LimitedInput(ServletInputStream in, long max) {
            this.in = in;
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLarge {
            read += n;
            if (read > max) {
                throw new BodyTooLarge(max);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
