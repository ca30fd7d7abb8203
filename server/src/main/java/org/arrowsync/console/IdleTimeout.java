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
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs a console session out after {@code idleTimeout} without an action of its user. The requests a page makes by
 * itself to stay live (marked {@value #POLL_HEADER}) do not count as actions, so a page left open still times out.
 */
class IdleTimeout extends OncePerRequestFilter {

    static final String POLL_HEADER = "X-Console-Poll";
    static final String LAST_ACTION = IdleTimeout.class.getName() + ".lastAction";

    private final Duration idleTimeout;
    private final Clock clock;

    IdleTimeout(Duration idleTimeout, Clock clock) {
        this.idleTimeout = idleTimeout;
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
