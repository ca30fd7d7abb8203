package org.arrowsync.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.arrowsync.shared.Caller;
import org.arrowsync.shared.DatabaseConnectionLost;
import org.arrowsync.shared.Texts;
import org.arrowsync.users.UserService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Waldur token authentication for {@code /api/} and {@code /health/details}: {@code Authorization: Token <key>} or 401;
 * staff only for {@code /api/admin/}, {@code /api/users/}, {@code /health/details} and every write, else 403. The API
 * description stays public. The caller becomes the request's user principal.
 */
class TokenAuthenticationFilter extends OncePerRequestFilter {

    static final String HEALTH_DETAILS = "/health/details";
    private static final Logger log = LoggerFactory.getLogger(TokenAuthenticationFilter.class);
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    static final String DATABASE_UNAVAILABLE = "The database is unavailable; try again in a moment.";

    private final UserService users;
    private final JsonMapper json;

    TokenAuthenticationFilter(UserService users, JsonMapper json) {
        this.users = users;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = path(request);
        if (path.equals(HEALTH_DETAILS)) {
            return false;
        }
        return !path.startsWith("/api/") || path.startsWith("/api/schema") || path.startsWith("/api/docs");
    }

    /**
     * The path the container routed (decoded, normalised, ";params" removed), the one this filter's mapping matched; a
     * spelling the router would read otherwise is refused before (see {@link RequestEdge#canonical}).
     */
    private static String path(HttpServletRequest request) {
        return request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || header.isBlank()) {
            reject(response, HttpServletResponse.SC_UNAUTHORIZED, "Authentication credentials were not provided.");
            return;
        }
        Optional<Caller> caller;
        try {
            caller = tokenOf(header).flatMap(users::authenticate);
        } catch (RuntimeException e) {
            if (!DatabaseConnectionLost.causes(e)) {
                throw e;
            }
            // No token can be checked without the database (D62): a 503 to retry, as a request past this point gets
            reject(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, DATABASE_UNAVAILABLE);
            return;
        }
        if (caller.isEmpty()) {
            // never the token: a service's output is its log
            log.warn(
                    "Refused an unknown or revoked API token from {} for {} {}",
                    request.getRemoteAddr(),
                    request.getMethod(),
                    Texts.loggable(path(request), 200));
            reject(response, HttpServletResponse.SC_UNAUTHORIZED, "Invalid token.");
            return;
        }
        if (!caller.get().staff() && needsStaff(request)) {
            log.warn(
                    "Refused {} {} to {} from {}: staff only",
                    request.getMethod(),
                    Texts.loggable(path(request), 200),
                    Texts.loggable(caller.get().username(), 150),
                    request.getRemoteAddr());
            reject(response, HttpServletResponse.SC_FORBIDDEN, "You do not have permission to perform this action.");
            return;
        }
        chain.doFilter(signedIn(request, caller.get()), response);
    }

    private static Optional<String> tokenOf(String header) {
        String[] parts = header.trim().split("\\s+");
        if (parts.length != 2 || !parts[0].equalsIgnoreCase("Token") || parts[1].isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(parts[1]);
    }

    private static boolean needsStaff(HttpServletRequest request) {
        String path = path(request);
        return path.startsWith("/api/admin/")
                || path.startsWith("/api/users/")
                || path.equals(HEALTH_DETAILS)
                || !READS.contains(request.getMethod());
    }

    private static HttpServletRequest signedIn(HttpServletRequest request, Caller caller) {
        return new HttpServletRequestWrapper(request) {
            @Override
            public Principal getUserPrincipal() {
                return caller;
            }

            @Override
            public String getRemoteUser() {
                return caller.username();
            }
        };
    }

    private void reject(HttpServletResponse response, int status, String detail) throws IOException {
        response.setStatus(status);
        if (status == HttpServletResponse.SC_UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Token");
        }
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), Map.of("detail", detail));
    }
}
