package org.arrowsync.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * A refused sign-in goes back to the form, with why and the username typed (the password never is). Both wait in a
 * cookie the sign-in page reads once: a refused sign-in opens no session either (D193). The cookie says why by a code
 * the page turns into its sentence: another host of the domain may set the cookie, and must not put words on the
 * sign-in page (D253).
 */
final class SignInFailure implements AuthenticationFailureHandler {

    static final String COOKIE = "ARROWSYNC_SIGNIN";
    static final String WRONG_SENTENCE = "Wrong username or password.";
    private static final String WRONG = "wrong";
    private static final String LOCKED = "locked:";
    private static final String UNCHECKED = "unchecked";
    /** Longer is no username: not kept. */
    private static final int LONGEST = 150;

    /** What the sign-in page says of the refusal: why, and the username typed (null when not kept). */
    record Refusal(String why, String username) {}

    /** Why a sign-in was refused, with the HTTP status its audit entry records (D299). */
    enum Cause {
        WRONG_PASSWORD(401),
        THROTTLED(429),
        NOT_CHECKED(503);

        final int status;

        Cause(int status) {
            this.status = status;
        }

        static Cause of(AuthenticationException refusal) {
            if (refusal instanceof ConsoleAuthentication.Throttled) {
                return THROTTLED;
            }
            return refusal instanceof BadCredentialsException ? WRONG_PASSWORD : NOT_CHECKED;
        }
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        String username = request.getParameter("username");
        String kept = username == null || username.length() > LONGEST ? "" : username;
        String why = switch (Cause.of(exception)) {
            case THROTTLED -> LOCKED + ((ConsoleAuthentication.Throttled) exception).minutes();
            case WRONG_PASSWORD -> WRONG;
            case NOT_CHECKED -> UNCHECKED;
        };
        ConsoleCookies.set(request, response, COOKIE, why + '\u0000' + kept, Duration.ofMinutes(1));
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
                sentence(text.substring(0, split)),
                username.isEmpty() || username.length() > LONGEST ? null : username));
    }

    /** The sentence of a refusal's code; a code the server does not write reads as a wrong password. */
    private static String sentence(String code) {
        if (code.equals(UNCHECKED)) {
            return "Your password could not be checked just now. Please try again.";
        }
        if (code.startsWith(LOCKED) && code.length() <= LOCKED.length() + 6) {
            String minutes = code.substring(LOCKED.length());
            if (!minutes.isEmpty() && minutes.chars().allMatch(Character::isDigit)) {
                return ConsoleAuthentication.Throttled.sentence(Long.parseLong(minutes));
            }
        }
        return WRONG_SENTENCE;
    }
}
