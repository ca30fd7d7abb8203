package org.arrowsync.console;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/** A refused sign-in goes back to the form with the username typed kept for it (the password never is). */
final class SignInFailure extends SimpleUrlAuthenticationFailureHandler {

    /** The session attribute the sign-in page reads the username from, once. */
    static final String LAST_USERNAME = "console.signIn.username";
    /** Longer is no username: not kept. */
    private static final int LONGEST = 150;

    SignInFailure() {
        super("/login?error");
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException, ServletException {
        String username = request.getParameter("username");
        if (username != null && username.length() <= LONGEST) {
            request.getSession().setAttribute(LAST_USERNAME, username);
        }
        super.onAuthenticationFailure(request, response, exception);
    }
}
