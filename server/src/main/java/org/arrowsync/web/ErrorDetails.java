package org.arrowsync.web;

import org.arrowsync.shared.Texts;
import org.springframework.http.HttpStatus;

/**
 * The {@code detail} of an error answer no handler wrote (the container's, Spring Security's firewall's, the error
 * page's): the same words wherever it is written; and the refusal of a method, which names it.
 */
final class ErrorDetails {

    private ErrorDetails() {}

    /**
     * What went wrong, in words: a 5xx the server did not mean says only that it happened. An error page cannot name
     * the request's method (the container's error dispatch may not keep it), so the method is not named here.
     */
    static String of(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        if (known == null) {
            return "A server error occurred.";
        }
        return switch (known) {
            case NOT_FOUND -> "Not found.";
            case METHOD_NOT_ALLOWED -> "Method not allowed: the Allow header lists the methods this path takes.";
            // Tomcat's answer to a method or a transfer coding it does not implement (CONNECT, Transfer-Encoding: gzip)
            case NOT_IMPLEMENTED -> "Not implemented: the server does not take this method or transfer coding.";
            case HTTP_VERSION_NOT_SUPPORTED -> "HTTP version not supported: send HTTP/1.1.";
            default -> known.is5xxServerError() ? "A server error occurred." : known.getReasonPhrase() + ".";
        };
    }

    /** A 405 that knows the request's method, as Waldur words it. */
    static String methodNotAllowed(String method) {
        return "Method \"" + Texts.truncate(method, 40) + "\" not allowed.";
    }
}
