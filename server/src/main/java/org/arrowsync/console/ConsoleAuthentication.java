package org.arrowsync.console;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
import org.arrowsync.shared.Caller;
import org.arrowsync.users.UserService;
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

    private final UserService users;
    private final LoginThrottle throttle;

    ConsoleAuthentication(UserService users, LoginThrottle throttle) {
        this.users = users;
        this.throttle = throttle;
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
        var refused = throttle.refusedFor(username, address);
        if (refused.isPresent()) {
            throw new LockedException("Too many wrong passwords: sign-in is refused for " + minutes(refused.get())
                    + ". Try again later.");
        }
        Caller caller = users.signIn(username, password).orElse(null);
        if (caller == null) {
            throttle.failed(username, address);
            throw new BadCredentialsException("Wrong username or password.");
        }
        throttle.succeeded(username);
        return UsernamePasswordAuthenticationToken.authenticated(
                caller, null, List.of(new SimpleGrantedAuthority("ROLE_" + (caller.staff() ? STAFF : USER))));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** The signed-in user of a console request. */
    static Caller caller(HttpServletRequest request) {
        return request.getUserPrincipal() instanceof Authentication authentication
                        && authentication.getPrincipal() instanceof Caller caller
                ? caller
                : null;
    }

    private static String minutes(Duration wait) {
        long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
        return minutes == 1 ? "1 more minute" : minutes + " more minutes";
    }
}
