package org.arrowsync.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.arrowsync.shared.Htmx;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Sends a visitor who is not signed in to the sign-in page, saying so when the request named a session that has ended
 * (left idle past its timeout, or the server restarted), and when a form posted then is lost, so the operator knows
 * why. A page fragment that htmx asked for gets a 401 that tells htmx to load the sign-in page as a whole, instead of a
 * sign-in form inside the fragment.
 */
class ConsoleEntryPoint implements AuthenticationEntryPoint {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        boolean ended = request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
        boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        toSignIn(request, response, !ended ? "/login" : read ? "/login?ended-page" : "/login?ended");
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
