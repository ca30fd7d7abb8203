package org.arrowsync.console;

import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.arrowsync.shared.Caller;
import org.arrowsync.shared.Texts;
import org.arrowsync.users.UserService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks a console sign-in against the users' passwords, behind the {@link LoginThrottle}: a throttled username or
 * address is refused before its password is even compared. The principal is the signed-in {@link Caller}.
 */
@Component
class ConsoleAuthentication implements AuthenticationProvider {

    static final String STAFF = "STAFF";
    static final String USER = "USER";

    private static final Logger log = LoggerFactory.getLogger(ConsoleAuthentication.class);

    private final UserService users;
    private final LoginThrottle throttle;
    private final Clock clock;

    ConsoleAuthentication(UserService users, LoginThrottle throttle, Clock clock) {
        this.users = users;
        this.throttle = throttle;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String password = authentication.getCredentials() == null
                ? null
                : authentication.getCredentials().toString();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : "";
        var refused = throttle.attempt(username, address);
        if (refused.isPresent()) {
            long minutes = Math.max(1, (refused.get().toSeconds() + 59) / 60);
            log.warn(
                    "Console sign-in as {} from {} refused: too many wrong passwords, for {} more minutes",
                    shown(username),
                    address,
                    minutes);
            throw new Throttled(minutes);
        }
        Caller caller;
        try {
            caller = users.signIn(username, password).orElse(null);
        } catch (RuntimeException e) {
            throttle.unchecked(username, address); // not a wrong password: the database did not answer, say
            throw e;
        }
        if (caller == null) {
            // who tries which names from where: what an operator looks for when someone guesses (D40)
            log.warn("Console sign-in as {} from {} failed: wrong username or password", shown(username), address);
            throw new BadCredentialsException(SignInFailure.WRONG_SENTENCE);
        }
        throttle.succeeded(username, address);
        var signedIn = UsernamePasswordAuthenticationToken.authenticated(
                caller, null, List.of(new SimpleGrantedAuthority("ROLE_" + (caller.staff() ? STAFF : USER))));
        signedIn.setDetails(new SignedIn(clock.instant()));
        return signedIn;
    }

    /** A typed username fit for a log line: one line, of a bounded length. */
    private static String shown(String username) {
        return Texts.loggable(username, 150);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** When a console session signed in: the details of its authentication. */
    record SignedIn(Instant at) implements Serializable {}

    /** Dates the request's session as signed in at {@code at}: it set its own user's password then. */
    static void signedInAgain(HttpServletRequest request, Instant at) {
        if (request.getUserPrincipal() instanceof AbstractAuthenticationToken authentication) {
            authentication.setDetails(new SignedIn(at));
        }
    }

    /** The signed-in user of a console request. */
    static Caller caller(HttpServletRequest request) {
        return request.getUserPrincipal() instanceof Authentication authentication
                        && authentication.getPrincipal() instanceof Caller caller
                ? caller
                : null;
    }

    /** Sign-in refused by the {@link LoginThrottle} for this many more minutes (rounded up). */
    static final class Throttled extends LockedException {

        private final long minutes;

        Throttled(long minutes) {
            super(sentence(minutes));
            this.minutes = minutes;
        }

        long minutes() {
            return minutes;
        }

        static String sentence(long minutes) {
            return "Too many wrong passwords: sign-in is refused for "
                    + (minutes == 1 ? "1 more minute" : minutes + " more minutes") + ". Try again later.";
        }
    }
}
