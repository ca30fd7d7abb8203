package org.arrowsync.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import org.arrowsync.shared.Htmx;
import org.arrowsync.shared.TextRules;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.security.web.savedrequest.SimpleSavedRequest;

/**
 * Where the sign-in leads back to: the page a visitor asked for, kept in a cookie, as no session is opened before
 * sign-in (D193). Only a page is kept: a GET that htmx did not send, else the page a form or an htmx request was sent
 * from (htmx's {@code HX-Current-URL}, else the {@code Referer}, of this site only: D285), as a form posted after the
 * session ended is not sent again. A page is kept by its path and query, at most {@link #LONGEST} characters; it is
 * read back only as a path of this site without {@code .} or {@code ..} segments (which the servlet container refuses
 * to redirect to), and anything else in the cookie (another site's address, bytes that are no Base64) counts as nothing
 * kept, and is cleared (D298).
 */
final class ReturnAfterSignIn implements RequestCache {

    static final String COOKIE = "ARROWSYNC_RETURN";
    private static final int LONGEST = 2_000;
    private static final Duration KEPT = Duration.ofMinutes(30);

    @Override
    public void saveRequest(HttpServletRequest request, HttpServletResponse response) {
        String page = "GET".equals(request.getMethod()) && !Htmx.sent(request) ? page(request) : sentFrom(request);
        if (page == null || page.length() > LONGEST) {
            return;
        }
        ConsoleCookies.set(request, response, COOKIE, page, KEPT);
    }

    /** The page of this site a request was sent from, by its path and query; null where it does not say. */
    private static String sentFrom(HttpServletRequest request) {
        String address = Htmx.sent(request) ? request.getHeader("HX-Current-URL") : null;
        if (address == null) {
            address = request.getHeader(HttpHeaders.REFERER);
        }
        try {
            URI from = address == null ? null : new URI(address);
            if (from == null
                    || from.getRawPath() == null
                    || !request.getServerName().equalsIgnoreCase(from.getHost())
                    || port(from) != request.getServerPort()
                    || !from.getRawPath().startsWith(request.getContextPath() + "/")) {
                return null;
            }
            String path = from.getRawPath().substring(request.getContextPath().length());
            if (path.equals(ConsoleSecurity.SIGN_IN)
                    || path.equals(ConsoleSecurity.SIGN_OUT)
                    || !TextRules.canonicalPath(path)) {
                return null;
            }
            return from.getRawQuery() == null ? path : path + "?" + from.getRawQuery();
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static int port(URI address) {
        if (address.getPort() >= 0) {
            return address.getPort();
        }
        return "https".equalsIgnoreCase(address.getScheme()) ? 443 : 80;
    }

    @Override
    public SavedRequest getRequest(HttpServletRequest request, HttpServletResponse response) {
        String page = kept(request);
        if (page == null) {
            removeRequest(request, response);
            return null;
        }
        return new SimpleSavedRequest(request.getContextPath() + page);
    }

    /** Nothing is restored of the request but its address; the page reached, the cookie has served. */
    @Override
    public HttpServletRequest getMatchingRequest(HttpServletRequest request, HttpServletResponse response) {
        String page = kept(request);
        if (page != null && page.equals(page(request))) {
            removeRequest(request, response);
        }
        return null;
    }

    @Override
    public void removeRequest(HttpServletRequest request, HttpServletResponse response) {
        ConsoleCookies.clear(request, response, COOKIE);
    }

    /** The request's path within the console and its query. */
    private static String page(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return request.getQueryString() == null ? path : path + "?" + request.getQueryString();
    }

    /** The page kept, when it is one of this site's: a path, never another host ({@code //host}, {@code /\host}). */
    private static String kept(HttpServletRequest request) {
        String page = ConsoleCookies.text(request, COOKIE);
        // a path the server answers as it is spelled: never //host, /\host or dot segments
        boolean path = page != null
                && page.length() <= LONGEST
                && TextRules.canonicalPath(page.split("\\?", 2)[0])
                && page.chars().noneMatch(Character::isISOControl);
        return path ? page : null;
    }
}
