package org.arrowsync.console;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.arrowsync.shared.Caller;
import org.arrowsync.users.UserService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a console session whose user's password was set after it signed in (D253), or which was deactivated or had its
 * staff status changed since (D254): a password is set again because it leaked, a user leaves or loses its rights, and
 * whoever signed in as them must be out at their next request, on every server (signed in again, it has the rights it
 * has now). One look-up by the user's key a request; the sign-in page says why.
 */
class RevokedSessions extends OncePerRequestFilter {

    static final String TARGET = "/login?revoked";

    private final UserService users;

    RevokedSessions(UserService users) {
        this.users = users;
    }

    /** The console's scripts, styles and icons hold nothing a revoked session could read: no look-up for them. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/console/") || path.startsWith("/webjars/") || path.equals("/favicon.ico");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null
                && authentication.getPrincipal() instanceof Caller caller
                && authentication.getDetails() instanceof ConsoleAuthentication.SignedIn signedIn
                && !users.signedInStill(caller.uuid(), caller.staff(), signedIn.at())) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
            ConsoleEntryPoint.toSignIn(request, response, TARGET);
            return;
        }
        chain.doFilter(request, response);
    }
}
