package org.arrowsync.console;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.arrowsync.shared.Htmx;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.LogoutHandler;

/**
 * Sends a visitor who is not signed in to the sign-in page, saying so when the request named a session that has ended
 * (left idle past its timeout, or the server restarted), and when a form posted without a session is lost (its session
 * ended, or a sign-out in another tab forgot its cookie), so the operator knows why. A page fragment that htmx asked
 * for gets a 401 that tells htmx to load the sign-in page as a whole, instead of a sign-in form inside the fragment.
 */
class ConsoleEntryPoint implements AuthenticationEntryPoint {

    /** Forgets the session cookie as the sign-out itself does. */
    private final LogoutHandler forgetSession;

    ConsoleEntryPoint(LogoutHandler forgetSession) {
        this.forgetSession = forgetSession;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        boolean ended = request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
        String path = requested(request);
        if (ConsoleSecurity.SIGN_OUT.equals(path)) {
            // a sign-out from a page whose session had ended already (or whose cookie another tab's sign-out forgot):
            // done, and an ended session's cookie forgotten as a sign-out's
            if (ended) {
                forgetSession.logout(request, response, null);
            }
            toSignIn(request, response, "/login?signed-out");
            return;
        }
        boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        // a form posted without a session is lost, whether its session ended or another tab's sign-out forgot it; the
        // sign-in form sent without one (its cookie blocked or forgotten) is only shown again
        boolean lost = !read && (ended || !ConsoleSecurity.SIGN_IN.equals(path));
        toSignIn(request, response, lost ? "/login?ended" : ended ? "/login?ended-page" : "/login");
    }

    /** The path asked for, before a refusal forwarded the request to the page that says so. */
    private static String requested(HttpServletRequest request) {
        Object forwarded = request.getAttribute(RequestDispatcher.FORWARD_SERVLET_PATH);
        return forwarded instanceof String path ? path : request.getServletPath();
    }

    static void toSignIn(HttpServletRequest request, HttpServletResponse response, String target) throws IOException {
        String url = request.getContextPath() + target;
        if (Htmx.sent(request)) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("HX-Redirect", url);
        } else {
            response.sendRedirect(url);
        }
    }
}
