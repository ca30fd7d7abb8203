package org.arrowsync.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * A refused sign-in goes back to the form, with why and the username typed (the password never is). Both wait in a
 * cookie the sign-in page reads once: a refused sign-in opens no session either (D193).
 */
final class SignInFailure implements AuthenticationFailureHandler {

    static final String COOKIE = "ARROWSYNC_SIGNIN";
    /** Longer is no username: not kept. */
    private static final int LONGEST = 150;

    /** What the sign-in page says of the refusal: why, and the username typed (null when not kept). */
    record Refusal(String why, String username) {}

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        String username = request.getParameter("username");
        String kept = username == null || username.length() > LONGEST ? "" : username;
        ConsoleCookies.set(request, response, COOKIE, exception.getMessage() + '\u0000' + kept, Duration.ofMinutes(1));
        response.sendRedirect(request.getContextPath() + "/login?error");
    }

    /** The refusal the cookie tells of, read once (the cookie is cleared); empty when there is none to read. */
    static Optional<Refusal> read(HttpServletRequest request, HttpServletResponse response) {
        String text = ConsoleCookies.text(request, COOKIE);
        ConsoleCookies.clear(request, response, COOKIE);
        int split = text == null ? -1 : text.indexOf('\u0000');
        if (split < 0) {
            return Optional.empty();
        }
        String username = text.substring(split + 1);
        return Optional.of(new Refusal(
                text.substring(0, split), username.isEmpty() || username.length() > LONGEST ? null : username));
    }
}
