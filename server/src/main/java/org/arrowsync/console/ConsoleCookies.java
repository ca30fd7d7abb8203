package org.arrowsync.console;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * The console's own short-lived cookies, read before sign-in when there is no session yet (D193): HttpOnly, sent by
 * this site's pages only (SameSite=Strict), Secure over HTTPS, for the console's path.
 */
final class ConsoleCookies {

    private ConsoleCookies() {}

    /** Sets the cookie for {@code maxAge}; {@link Duration#ZERO} clears it. */
    static void set(
            HttpServletRequest request, HttpServletResponse response, String name, String value, Duration maxAge) {
        response.addHeader(
                HttpHeaders.SET_COOKIE,
                ResponseCookie.from(name, value)
                        .path(request.getContextPath().isEmpty() ? "/" : request.getContextPath())
                        .httpOnly(true)
                        .secure(request.isSecure())
                        .sameSite("Strict")
                        .maxAge(maxAge)
                        .build()
                        .toString());
    }

    /** The cookie's value as the request sent it; null when it sent none. */
    static String value(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (name.equals(cookie.getName())) {
                return cookie.getValue();
            }
        }
        return null;
    }
}
