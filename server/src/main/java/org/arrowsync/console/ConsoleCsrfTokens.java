package org.arrowsync.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

/**
 * The console's CSRF token: before sign-in in a cookie, as no session is opened for a visitor (D193); once there is a
 * session, in the session, where no other site of the host (another port, a sibling domain) can set it, as it could set
 * a cookie. Forms and htmx repeat it as {@code _csrf} or {@code X-CSRF-TOKEN} either way.
 */
final class ConsoleCsrfTokens implements CsrfTokenRepository {

    static final String COOKIE = "ARROWSYNC_CSRF";
    private static final String HEADER = "X-CSRF-TOKEN";

    private final CookieCsrfTokenRepository beforeSignIn = new CookieCsrfTokenRepository();
    private final HttpSessionCsrfTokenRepository inSession = new HttpSessionCsrfTokenRepository();

    ConsoleCsrfTokens() {
        beforeSignIn.setCookieName(COOKIE);
        beforeSignIn.setHeaderName(HEADER);
        beforeSignIn.setCookieCustomizer(cookie -> cookie.httpOnly(true).sameSite("Strict"));
        inSession.setHeaderName(HEADER);
    }

    @Override
    public CsrfToken generateToken(HttpServletRequest request) {
        return inSession.generateToken(request);
    }

    @Override
    public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
        if (request.getSession(false) == null) {
            beforeSignIn.saveToken(token, request, response);
            return;
        }
        inSession.saveToken(token, request, response);
        if (token != null && beforeSignIn.loadToken(request) != null) {
            beforeSignIn.saveToken(null, request, response); // the cookie's token has served
        }
    }

    @Override
    public CsrfToken loadToken(HttpServletRequest request) {
        return request.getSession(false) == null ? beforeSignIn.loadToken(request) : inSession.loadToken(request);
    }
}
