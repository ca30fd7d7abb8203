package org.arrowsync.web;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.PathContainer;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Routes as Django REST framework's router orders them: a path an action names literally
 * ({@code billing-syncs/trigger_sync/}) is that action's, whatever the method, and not an object's of that uuid. Spring
 * would hand {@code GET …/trigger_sync/} to the object's {@code GET {uuid}/} and answer 404; here it is a 405 naming
 * the methods the action takes, as Waldur answers. A read of a path without its trailing slash is sent to the path with
 * it when that one is routed, as Django's {@code APPEND_SLASH} sends it (301, the query kept); a path routed neither
 * way is a 404. The API's paths only: the console's keep Spring's routing.
 */
final class ActionRoutes extends RequestMappingHandlerMapping {

    private static final String API = "/api/";

    /** The methods of each path written without a variable, in name order. */
    private Map<String, Set<String>> literalPaths = Map.of();

    /** Every API path pattern, whatever its methods: Django resolves the path before the method. */
    private List<PathPattern> apiPatterns = List.of();

    @Override
    protected void handlerMethodsInitialized(Map<RequestMappingInfo, HandlerMethod> handlerMethods) {
        super.handlerMethodsInitialized(handlerMethods);
        Map<String, Set<String>> literal = new HashMap<>();
        List<PathPattern> api = new ArrayList<>();
        handlerMethods.keySet().forEach(info -> {
            if (info.getPathPatternsCondition() == null) {
                return;
            }
            for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
                String path = pattern.getPatternString();
                if (path.startsWith(API)) {
                    api.add(pattern);
                }
                if (path.startsWith(API) && !hasVariable(path)) {
                    Set<String> methods = literal.computeIfAbsent(path, any -> new TreeSet<>());
                    info.getMethodsCondition().getMethods().forEach(method -> methods.add(method.name()));
                }
            }
        });
        literalPaths = Map.copyOf(literal);
        apiPatterns = List.copyOf(api);
    }

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        Set<String> actionMethods = literalPaths.get(lookupPath);
        boolean action = actionMethods != null && !actionMethods.isEmpty();
        if (action && RequestMethod.OPTIONS.name().equals(request.getMethod())) {
            // Spring's answer would add the methods of the object's path, which this one is not
            return Fixed.answering(ResponseEntity.ok()
                    .header(HttpHeaders.ALLOW, String.join(", ", allowed(actionMethods)))
                    .build());
        }
        HandlerMethod found;
        try {
            found = super.lookupHandlerMethod(lookupPath, request);
        } catch (HttpRequestMethodNotSupportedException e) {
            // Spring's 405 would list the object's methods on an action's path, and never HEAD or OPTIONS
            throw notAllowed(request, action ? actionMethods : supported(e));
        }
        if (found != null
                && action
                && request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) instanceof String matched
                && hasVariable(matched)) {
            throw notAllowed(request, actionMethods);
        }
        if (found == null && appendsSlash(lookupPath, request)) {
            String query = request.getQueryString();
            return Fixed.answering(ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
                    .header(HttpHeaders.LOCATION, request.getRequestURI() + "/" + (query == null ? "" : "?" + query))
                    .build());
        }
        return found;
    }

    private boolean appendsSlash(String lookupPath, HttpServletRequest request) {
        boolean read = RequestMethod.GET.name().equals(request.getMethod())
                || RequestMethod.HEAD.name().equals(request.getMethod());
        if (!read || !lookupPath.startsWith(API) || lookupPath.endsWith("/")) {
            return false;
        }
        PathContainer slashed = PathContainer.parsePath(lookupPath + "/");
        return apiPatterns.stream().anyMatch(pattern -> pattern.matches(slashed));
    }

    private static Set<String> supported(HttpRequestMethodNotSupportedException e) {
        return e.getSupportedMethods() == null ? Set.of() : new TreeSet<>(List.of(e.getSupportedMethods()));
    }

    /**
     * A 405 naming the path's methods as Waldur's router does, in a fixed order: its own, HEAD beside GET, then
     * OPTIONS.
     */
    private static HttpRequestMethodNotSupportedException notAllowed(HttpServletRequest request, Set<String> methods) {
        return new HttpRequestMethodNotSupportedException(request.getMethod(), allowed(methods));
    }

    private static Set<String> allowed(Set<String> methods) {
        Set<String> allowed = new LinkedHashSet<>(methods);
        if (allowed.contains(RequestMethod.GET.name())) {
            allowed.add(RequestMethod.HEAD.name());
        }
        allowed.add(RequestMethod.OPTIONS.name());
        return allowed;
    }

    /**
     * A route's own answer, whatever the request: OPTIONS on an action's path (its methods in {@code Allow}, written as
     * the 405s write them), a read sent on to its slashed path.
     */
    static final class Fixed {

        static final Method HANDLE;

        static {
            try {
                HANDLE = Fixed.class.getMethod("handle");
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(e);
            }
        }

        private final ResponseEntity<Void> answer;

        private Fixed(ResponseEntity<Void> answer) {
            this.answer = answer;
        }

        static HandlerMethod answering(ResponseEntity<Void> answer) {
            return new HandlerMethod(new Fixed(answer), HANDLE);
        }

        public ResponseEntity<Void> handle() {
            return answer;
        }
    }

    private static boolean hasVariable(String pattern) {
        return pattern.contains("{") || pattern.contains("*");
    }
}
