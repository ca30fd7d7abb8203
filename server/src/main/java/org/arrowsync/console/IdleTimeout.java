package org.arrowsync.console;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs a console session out after {@code idleTimeout} without an action of its user. The requests a page makes by
 * itself to stay live (marked {@value #POLL_HEADER}) do not count as actions, so a page left open still times out. The
 * page the request was for, or sent from, is kept for after the sign-in, as for any request without a session (D298);
 * what the console serves to anyone (an asset, the sign-in page) is served as to anyone, and kept for nothing.
 */
class IdleTimeout extends OncePerRequestFilter {

    static final String POLL_HEADER = "X-Console-Poll";
    static final String LAST_ACTION = IdleTimeout.class.getName() + ".lastAction";

    private final Duration idleTimeout;
    private final RequestMatcher openToAll;
    private final RequestCache returnAfterSignIn;
    private final Clock clock;

    IdleTimeout(Duration idleTimeout, RequestMatcher openToAll, RequestCache returnAfterSignIn, Clock clock) {
        this.idleTimeout = idleTimeout;
        this.openToAll = openToAll;
        this.returnAfterSignIn = returnAfterSignIn;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = signedIn() ? request.getSession(false) : null;
        Instant now = clock.instant();
        if (session != null && session.getAttribute(LAST_ACTION) instanceof Instant last) {
            if (Duration.between(last, now).compareTo(idleTimeout) > 0) {
                session.invalidate();
                SecurityContextHolder.clearContext();
                if (openToAll.matches(request)) {
                    chain.doFilter(request, response);
                    return;
                }
                returnAfterSignIn.saveRequest(request, response);
                ConsoleEntryPoint.toSignIn(request, response, "/login?expired");
                return;
            }
        }
        if (session != null && request.getHeader(POLL_HEADER) == null) {
            session.setAttribute(LAST_ACTION, now);
        }
        chain.doFilter(request, response);
    }

    private static boolean signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated();
    }
}
