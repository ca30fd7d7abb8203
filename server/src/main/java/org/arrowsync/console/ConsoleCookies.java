package org.arrowsync.console;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * The console's own short-lived cookies, read before sign-in when there is no session yet (D193): a text each, kept as
 * Base64 (any character, no cookie syntax to escape), HttpOnly, sent by this site's pages only (SameSite=Strict),
 * Secure over HTTPS, for the console's path.
 */
final class ConsoleCookies {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private ConsoleCookies() {}

    /** Keeps {@code text} in the cookie for {@code maxAge}. */
    static void set(
            HttpServletRequest request, HttpServletResponse response, String name, String text, Duration maxAge) {
        write(request, response, name, ENCODER.encodeToString(text.getBytes(StandardCharsets.UTF_8)), maxAge);
    }

    /** The cookie's text; null when the request sent none, or one this class did not write (no Base64). */
    static String text(HttpServletRequest request, String name) {
        String value = value(request, name);
        if (value == null) {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    /** Clears the cookie, when the request sent it. */
    static void clear(HttpServletRequest request, HttpServletResponse response, String name) {
        if (value(request, name) != null) {
            write(request, response, name, "", Duration.ZERO);
        }
    }

    private static void write(
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

    private static String value(HttpServletRequest request, String name) {
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
